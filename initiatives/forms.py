from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SECTION_MAX_LENGTH, FundingEntry, Indicator, Initiative, Outcome, Output


class SectionForm(forms.Form):
    body_ru = forms.CharField(
        label=_("Text (Russian)"),
        max_length=SECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    body_en = forms.CharField(
        label=_("Text (English)"),
        max_length=SECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class FundingEntryForm(forms.ModelForm):
    class Meta:
        model = FundingEntry
        fields = ["source", "amount", "currency", "status", "note_ru", "note_en"]
        # The model's foreign key has no verbose name; without this the label stays English.
        labels = {
            "source": _("Source"),
            "note_ru": _("Note (Russian)"),
            "note_en": _("Note (English)"),
        }


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["title_ru", "title_en", "position"]
        labels = {"position": _("Position")}


class OutputForm(forms.ModelForm):
    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].queryset = initiative.outcomes.all()

    class Meta:
        model = Output
        fields = ["outcome", "title_ru", "title_en", "position"]
        labels = {"outcome": _("Outcome"), "position": _("Position")}


class IndicatorForm(forms.ModelForm):
    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["output"].queryset = Output.objects.filter(outcome__initiative=initiative)

    class Meta:
        model = Indicator
        fields = [
            "output",
            "title_ru",
            "title_en",
            "unit_ru",
            "unit_en",
            "baseline",
            "target",
            "means_of_verification_ru",
            "means_of_verification_en",
            "position",
        ]
        labels = {"output": _("Output"), "position": _("Position")}
