from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.languages import language_codes, language_label, localized_names

from .models import SECTION_MAX_LENGTH, FundingEntry, Indicator, Initiative, Outcome, Output


class SectionForm(forms.Form):
    """The section's text in every language; built per form (not per class) so that the
    languages are those of the settings when it is used."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = {
            build_localized_fieldname("body", code): forms.CharField(
                label=gettext("Text (%(language)s)") % {"language": language_label(code)},
                max_length=SECTION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 10}),
            )
            for code in language_codes()
        }
        self.fields = {**bodies, **self.fields}


class FundingEntryForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in language_codes():
            note = self.fields.get(build_localized_fieldname("note", code))
            if note is not None:  # a language added to the settings after start-up has no column
                note.label = gettext("Note (%(language)s)") % {"language": language_label(code)}

    class Meta:
        model = FundingEntry
        fields = ["source", "amount", "currency", "status", *localized_names("note")]
        # The model's foreign key has no verbose name; without this the label stays English.
        labels = {"source": _("Source")}


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = [*localized_names("title"), "position"]
        labels = {"position": _("Position")}


class OutputForm(forms.ModelForm):
    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].queryset = initiative.outcomes.all()

    class Meta:
        model = Output
        fields = ["outcome", *localized_names("title"), "position"]
        labels = {"outcome": _("Outcome"), "position": _("Position")}


class IndicatorForm(forms.ModelForm):
    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["output"].queryset = Output.objects.filter(outcome__initiative=initiative)

    class Meta:
        model = Indicator
        fields = [
            "output",
            *localized_names("title", "unit"),
            "baseline",
            "target",
            *localized_names("means_of_verification"),
            "position",
        ]
        labels = {"output": _("Output"), "position": _("Position")}
