"""Forms parse and check the shape of input; the rules themselves live in services.py."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from delegations.models import Delegation
from portal.ids import parse_id
from portal.languages import language_codes, language_label

from .models import (
    COMMENT_MAX_LENGTH,
    MAX_LINE,
    PARAGRAPH_MAX_LENGTH,
    Comment,
    OutcomeDocument,
    Paragraph,
    Position,
)
from .selectors import parse_label


class CommentForm(forms.Form):
    paragraph = forms.CharField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=Comment.Kind.choices, initial="comment")
    body = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    proposed_text = forms.CharField(
        label=_("Proposed text"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_(
            "For an amendment: the whole paragraph as you propose it. For a new paragraph: its text."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"), choices=Comment.Visibility.choices, initial="all"
    )
    # Lines cited, as the reader numbers them in one language edition; the reader's line
    # numbers fill them in.
    # drafts/_cite_lines.html draws them as choices among the paragraph's lines.
    line_first = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_LINE, widget=forms.HiddenInput
    )
    line_last = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_LINE, widget=forms.HiddenInput
    )
    cited_language = forms.ChoiceField(
        required=False, choices=settings.LANGUAGES, widget=forms.HiddenInput
    )


class CommentEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Comment"), max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )
    proposed_text = forms.CharField(
        label=_("Proposed text"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Comment.Status.choices)
    response = forms.CharField(
        label=_("Response"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=300)


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
                "summary", gettext_noop("Change summary (%(language)s)"), COMMENT_MAX_LENGTH
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


class PositionForm(forms.Form):
    stance = forms.ChoiceField(label=_("Position"), choices=Position.Stance.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class TriageFilterForm(forms.Form):
    """Filters arrive in the query string; a bad value is reported, never a server error."""

    document = forms.ModelChoiceField(
        label=_("Document"), queryset=OutcomeDocument.objects.all(), required=False
    )
    revision = forms.IntegerField(label=_("Revision number"), required=False, min_value=1)
    delegation = forms.ModelChoiceField(
        label=_("Delegation"), queryset=Delegation.objects.all(), required=False
    )
    paragraph = forms.CharField(
        label=_("Paragraph"), required=False, max_length=12, help_text=_("e.g. OP3 or PP2")
    )

    def clean_paragraph(self) -> str:
        label = self.cleaned_data["paragraph"]
        if label and parse_label(label) is None:
            raise forms.ValidationError(_("Give a paragraph's label, such as OP3 or PP2."))
        return label

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *Comment.Kind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *Comment.Status.choices], required=False
    )


class BulkStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Comment.Status.choices)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.ids = [parse_id(value) for value in (data.getlist("comments") if data else [])]

    def clean(self):
        if not self.ids or None in self.ids or len(self.ids) > 200:
            raise forms.ValidationError(_("Choose up to 200 comments."))
        return super().clean()
