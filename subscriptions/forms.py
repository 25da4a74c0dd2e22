from django import forms
from django.utils.translation import gettext_lazy as _

from portal.ids import MAX_ID

from .models import Frequency, TargetType


class FollowForm(forms.Form):
    target_type = forms.ChoiceField(choices=TargetType.choices, widget=forms.HiddenInput)
    target = forms.IntegerField(min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
