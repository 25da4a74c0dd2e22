from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FundingEntry


class SectionForm(forms.Form):
    body_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea(attrs={"rows": 10}))
    body_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 10}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class FundingEntryForm(forms.ModelForm):
    class Meta:
        model = FundingEntry
        fields = ["source", "amount", "currency", "status", "note"]
