from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from .models import Delegation, Membership
from .permissions import invitable_roles


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    delegation = forms.ModelChoiceField(queryset=Delegation.objects.none(), label=_("Delegation"))
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("Used until the person chooses an interface language on their profile."),
    )

    def __init__(self, *args, user, delegations, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["delegation"].queryset = delegations
        if delegations.count() == 1:
            self.fields["delegation"].initial = delegations.first()
        # The widest set of roles this person may invite somebody to, anywhere.
        allowed = set()
        for delegation in delegations[:1]:
            allowed.update(invitable_roles(user, delegation))
        self.fields["role"].choices = [
            (value, label) for value, label in Membership.Role.choices if value in allowed
        ]

    def clean(self):
        cleaned = super().clean()
        delegation, role = cleaned.get("delegation"), cleaned.get("role")
        if delegation and role and role not in invitable_roles(self.user, delegation):
            self.add_error("role", _("You may not invite somebody with this role."))
        return cleaned


class AcceptNewAccountForm(forms.Form):
    """Set a password for the account the invitation creates."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords do not match."))
        elif first:
            probe = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
