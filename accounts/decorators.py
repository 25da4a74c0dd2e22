"""View guards for screens that need a second factor."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .permissions import has_mfa, needs_mfa


def mfa_required_for_staff(view):
    """Secretariat members and admins without TOTP are sent to set it up first.

    Other users pass through untouched; the view still checks its own rule."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if needs_mfa(user) and not has_mfa(user):
            messages.warning(
                request,
                _("Set up two-factor authentication before using the secretariat screens."),
            )
            return redirect("mfa_activate_totp")
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def secretariat_required(view):
    """Secretariat screens: a login, TOTP set up, and the secretariat rule."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("accounts.use_secretariat_screens"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return mfa_required_for_staff(wrapper)
