from django import forms
from django.utils.translation import gettext_lazy as _


class AknImportForm(forms.Form):
    ru = forms.FileField(label=_("Russian edition (AKN XML)"), required=False)
    en = forms.FileField(label=_("English edition (AKN XML)"), required=False)
    replace_edits = forms.BooleanField(
        label=_("Replace the edits made in the current draft"), required=False
    )
