"""Forms parse and check the shape of input; the rules themselves live in services.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation

from .models import (
    PARAGRAPH_MAX_LENGTH,
    STATEMENT_MAX_LENGTH,
    Adoption,
    OutcomeDocument,
    Paragraph,
    Statement,
)


class ParagraphForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Paragraph.Kind.choices, initial="operative")
    text_ru = forms.CharField(
        label=_("Text (Russian)"),
        required=False,
        max_length=PARAGRAPH_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "ru"}),
    )
    text_en = forms.CharField(
        label=_("Text (English)"),
        required=False,
        max_length=PARAGRAPH_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "en"}),
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


# The form's bound as it was when it borrowed the comments' limit (the consultation's now).
# The model's is REVISION_SUMMARY_MAX_LENGTH (2000), which only the database's CHECK enforces.
SUMMARY_FORM_MAX_LENGTH = 5000


class PublishForm(forms.Form):
    summary_ru = forms.CharField(
        label=_("Change summary (Russian)"),
        required=False,
        max_length=SUMMARY_FORM_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "ru"}),
    )
    summary_en = forms.CharField(
        label=_("Change summary (English)"),
        required=False,
        max_length=SUMMARY_FORM_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "en"}),
    )

    def clean(self):
        data = super().clean()
        if (
            not (data.get("summary_ru") or "").strip()
            and not (data.get("summary_en") or "").strip()
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


class AknImportForm(forms.Form):
    ru = forms.FileField(label=_("Russian edition (AKN XML)"), required=False)
    en = forms.FileField(label=_("English edition (AKN XML)"), required=False)
    replace_edits = forms.BooleanField(
        label=_("Replace the edits made in the current draft"), required=False
    )


class AdoptionForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Adopted at the meeting"), queryset=None)
    adopted_on = forms.DateField(
        label=_("Date of adoption"), widget=forms.DateInput(attrs={"type": "date"})
    )
    method = forms.ChoiceField(
        label=_("How"),
        choices=Adoption.Method.choices,
        widget=forms.RadioSelect,
        initial="consensus",
    )
    votes_for = forms.IntegerField(
        label=_("Votes in favour"), required=False, min_value=0, max_value=999
    )
    votes_against = forms.IntegerField(
        label=_("Votes against"), required=False, min_value=0, max_value=999
    )
    abstentions = forms.IntegerField(
        label=_("Abstentions"), required=False, min_value=0, max_value=999
    )
    final_symbol = forms.CharField(label=_("Final symbol"), max_length=60)
    title_ru = forms.CharField(label=_("Title of the adopted text (Russian)"), max_length=400)
    title_en = forms.CharField(label=_("Title of the adopted text (English)"), max_length=400)
    statement_deadline = deadline_field(_("Statements of delegations accepted until"))

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = document.summit.meetings.all()


class StatementForm(forms.Form):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("Your delegation"), choices=Statement.Kind.choices, widget=forms.RadioSelect
    )
    paragraphs = forms.MultipleChoiceField(
        label=_("Paragraphs of the reservations"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    text = forms.CharField(
        label=_("Text of the statement"),
        required=False,
        max_length=STATEMENT_MAX_LENGTH,
        help_text=_("Required for reservations and for an explanation of position."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, paragraphs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraphs"].choices = [(p.key, p.label) for p in paragraphs]
