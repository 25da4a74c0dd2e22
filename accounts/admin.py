from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .models import User
from .permissions import has_mfa, is_verified_admin, needs_mfa


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_secretariat", "is_staff"]
    list_filter = ["is_secretariat", "is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_secretariat", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


def _admin_has_permission(request) -> bool:
    # The predicate itself, not has_perm(): Django grants every permission to superusers.
    return request.user.is_active and is_verified_admin(request.user)


def _admin_login(request, extra_context=None):
    """The admin has no login form of its own: people log in (with their second factor)
    through allauth, and only admins with TOTP set up get in."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(next_url, reverse("account_login"))
    if needs_mfa(user) and not has_mfa(user):
        return redirect("mfa_activate_totp")
    if _admin_has_permission(request):
        return redirect(next_url)
    raise PermissionDenied


# Django admin is for admins only (superusers with TOTP); is_staff alone is not enough.
admin.site.has_permission = _admin_has_permission
admin.site.login = _admin_login
