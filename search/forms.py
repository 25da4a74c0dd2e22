from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.ids import MAX_ID
from programme.models import Meeting

from .models import Entry
from .selectors import QUERY_MAX_LENGTH, TOO_LONG


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "required": _("Type at least one word to search for."),
            "max_length": TOO_LONG,
        },
    )
    type = forms.ChoiceField(
        label=pgettext_lazy("search filter", "Kind"),
        choices=[
            ("", pgettext_lazy("any kind of search result", "Everything")),
            *Entry.Kind.choices,
        ],
        required=False,
    )
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [
            ("", pgettext_lazy("any meeting", "Any")),
            *((meeting.pk, meeting.title) for meeting in Meeting.objects.filter(pk__lte=MAX_ID)),
        ]
