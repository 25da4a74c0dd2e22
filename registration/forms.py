from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from delegations.models import Delegation

from .models import REASON_MAX_LENGTH, Registration
from .uploads import letter_clean, photo_clean

PERSON_FIELDS = [
    "title",
    "given_name",
    "family_name",
    "given_name_cyrillic",
    "family_name_cyrillic",
    "function",
    "email",
    "phone",
]


# Free text a nomination may leave out.
OPTIONAL_TEXT = ("given_name_cyrillic", "family_name_cyrillic", "phone")


class NominationForm(forms.ModelForm):
    """A head's or focal point's nomination; the secretariat also picks the delegation, or
    names an organisation and a category for people who come without one."""

    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG or PNG, at most 2 MB; it is cropped to a badge's proportions."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )

    class Meta:
        model = Registration
        fields = [
            "delegation",
            "organisation",
            "category",
            *PERSON_FIELDS,
            "heads_delegation",
            "consent_public_list",
            "language",
        ]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "off"})}

    def nomination(self) -> dict:
        """The cleaned form as registration_nominate takes it: every field of the form, the
        optional ones that were left empty as empty values rather than None."""
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        for name in ("organisation", "category", *OPTIONAL_TEXT):
            if name in data:
                data[name] = data[name] or ""
        data["photo"] = data.get("photo") or None
        return data

    def __init__(self, *args, secretariat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if secretariat:
            self.fields["delegation"].queryset = Delegation.objects.all()
            self.fields["delegation"].required = False
            self.fields["category"].required = False
        else:
            for name in ("delegation", "organisation", "category"):
                del self.fields[name]
        if "email" in self.fields:
            self.fields["email"].required = True
        self.fields["language"].choices = settings.LANGUAGES

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            photo_clean(photo)  # refused here with its message; the service cleans it again
        return photo

    def _post_clean(self):
        # The model's own checks (constraints on meeting, delegation) are the service's: the
        # form checks fields only, so that a refusal names the field.
        pass


class DeskRegistrationForm(NominationForm):
    """The secretariat registers anybody, for any meeting: a delegation's participant, or one
    of an organisation or the media (no delegation; organisation and category named)."""

    meeting = forms.ModelChoiceField(queryset=None, label=_("Meeting"))

    field_order = ["meeting", "delegation", "organisation", "category"]

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, secretariat=True, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.order_fields(self.field_order)


class SelfRegistrationForm(NominationForm):
    class Meta(NominationForm.Meta):
        fields = [name for name in NominationForm.Meta.fields if name not in ("email",)]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["heads_delegation"]


class LetterForm(forms.Form):
    letter = forms.FileField(
        label=_("Nomination letter (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_letter(self):
        letter = self.cleaned_data["letter"]
        letter_clean(letter)
        return letter


class FocalPointForm(forms.Form):
    member = forms.ModelChoiceField(queryset=None, label=_("Registration focal point"))

    def __init__(self, *args, delegation: Delegation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = User.objects.filter(membership__delegation=delegation)


class DeskFilterForm(forms.Form):
    meeting = forms.ModelChoiceField(queryset=None, required=False, label=_("Meeting"))
    delegation = forms.ModelChoiceField(
        queryset=Delegation.objects.all(), required=False, label=_("Delegation")
    )
    category = forms.ChoiceField(
        choices=[("", "—"), *Registration.Category.choices], required=False, label=_("Category")
    )
    status = forms.ChoiceField(
        choices=[("", "—"), *Registration.Status.choices], required=False, label=_("Status")
    )
    q = forms.CharField(required=False, max_length=100, label=_("Name or e-mail"))

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class DecisionForm(forms.Form):
    DECISIONS = [("accredit", _("Accredit")), ("reject", _("Reject"))]

    registrations = forms.ModelMultipleChoiceField(
        queryset=Registration.objects.all(), label=_("Registrations")
    )
    decision = forms.ChoiceField(choices=DECISIONS, label=_("Decision"))
    reason = forms.CharField(
        required=False,
        max_length=REASON_MAX_LENGTH,
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why the registration is rejected."))
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=REASON_MAX_LENGTH,
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        max_length=200,
        label=_("Badge code"),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class DocumentForm(forms.Form):
    meeting = forms.ModelChoiceField(queryset=None, label=_("Meeting"))
    kind = forms.ChoiceField(
        choices=[("badges", _("Badges to print")), ("list", _("List of participants"))],
        label=_("Document"),
    )
    language = forms.ChoiceField(choices=settings.LANGUAGES, label=_("Language"))

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


WINDOW_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def _window_time(label) -> forms.DateTimeField:
    # Typed in the summit's own time (TIME_ZONE, Asia/Almaty), as every deadline of the portal.
    return forms.DateTimeField(
        label=label,
        input_formats=WINDOW_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=WINDOW_FORMATS[0]),
    )


class WindowForm(forms.Form):
    opens_at = _window_time(_("Registration opens"))
    closes_at = _window_time(_("Registration closes"))
