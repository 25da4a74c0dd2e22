"""Forms parse and check the shape of input; the rules themselves live in services.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from delegations.models import Delegation
from portal.languages import language_codes, language_label

from .models import PARAGRAPH_MAX_LENGTH, REVISION_SUMMARY_MAX_LENGTH, OutcomeDocument, Paragraph


def language_text_fields(field: str, label: str, max_length: int) -> dict[str, forms.CharField]:
    """`<field>_<language>` for every language of the settings, each labelled with its
    language (`label` holds "%(language)s") and marked with its `lang` for spell checkers and
    screen readers. Forms build them when they are made, so the settings of the moment count."""
    return {
        build_localized_fieldname(field, code): forms.CharField(
            label=gettext(label) % {"language": language_label(code)},
            required=False,
            max_length=max_length,
            widget=forms.Textarea(attrs={"rows": 4, "lang": code}),
        )
        for code in language_codes()
    }


def fields_after(fields: dict, name: str | None, added: dict) -> dict:
    """`fields` with `added` after the field `name` (first when None)."""
    if name is None:
        return {**added, **fields}
    ordered = {}
    for key, value in fields.items():
        ordered[key] = value
        if key == name:
            ordered.update(added)
    return ordered


class ParagraphForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Paragraph.Kind.choices, initial="operative")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = fields_after(
            self.fields,
            "kind",
            language_text_fields("text", gettext_noop("Text (%(language)s)"), PARAGRAPH_MAX_LENGTH),
        )


class ParagraphAddForm(ParagraphForm):
    after = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ParagraphEditForm(ParagraphForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    negotiation = forms.ChoiceField(
        label=_("Negotiation status"), choices=Paragraph.Negotiation.choices
    )
    bracketed_by = forms.ModelChoiceField(
        label=_("Bracketed at the request of"),
        queryset=Delegation.objects.all(),
        required=False,
        help_text=_("Required when the paragraph is bracketed."),
    )


class PublishForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = fields_after(
            self.fields,
            None,
            language_text_fields(
                "summary",
                gettext_noop("Change summary (%(language)s)"),
                REVISION_SUMMARY_MAX_LENGTH,
            ),
        )

    def clean(self):
        data = super().clean()
        if not any(
            (data.get(build_localized_fieldname("summary", code)) or "").strip()
            for code in language_codes()
        ):
            raise ValidationError(_("Summarise the changes in at least one language."))
        return data


DEADLINE_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def deadline_field(label) -> forms.DateTimeField:
    """A deadline, typed in the summit's time zone (the view activates it)."""
    return forms.DateTimeField(
        label=label,
        required=False,
        input_formats=DEADLINE_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DEADLINE_FORMATS[0]),
    )


class ConsultationForm(forms.Form):
    # "Adopted" is recorded with its meeting on the adoption page, not chosen here.
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in OutcomeDocument.Status.choices if c[0] != "adopted"],
    )
    comment_deadline = deadline_field(_("Comment deadline"))
