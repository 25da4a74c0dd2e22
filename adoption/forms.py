"""The adoption's forms: the shape of input; the rules live in services.py."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from drafts.forms import deadline_field, fields_after
from drafts.models import Paragraph
from portal.languages import language_codes, language_label

from .models import STATEMENT_MAX_LENGTH, Adoption, Statement


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
    statement_deadline = deadline_field(_("Statements of delegations accepted until"))

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = document.summit.meetings.all()
        titles = {
            build_localized_fieldname("title", code): forms.CharField(
                label=gettext("Title of the adopted text (%(language)s)")
                % {"language": language_label(code)},
                max_length=400,
            )
            for code in language_codes()
        }
        self.fields = fields_after(self.fields, "final_symbol", titles)
        self.title_names = list(titles)

    @property
    def titles(self) -> list[forms.BoundField]:
        """The final title in every language, for the template to draw one by one."""
        return [self[name] for name in self.title_names]


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
        widget=forms.Textarea(attrs={"rows": 6, "aria-describedby": "id_text-help"}),
    )

    def __init__(self, *args, paragraphs, **kwargs):
        super().__init__(*args, **kwargs)
        # One reserves on a paragraph, not on a heading; each code with the start of its text,
        # so that the delegation knows what it ticks.
        self.fields["paragraphs"].choices = [
            (p.key, f"{p.label} — {Truncator(p.text).words(12)}")
            for p in paragraphs
            if p.kind != Paragraph.Kind.HEADING
        ]
