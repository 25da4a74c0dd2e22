from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from portal.languages import localized_names

from .models import Delegation, Invitation, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Delegation)
class DelegationAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "kind", "iso_code", "sort_order"]
    list_filter = ["kind"]
    search_fields = [*localized_names("name"), "acronym"]
    # In MODELTRANSLATION_PREPOPULATE_LANGUAGE.
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "delegation", "role"]
    list_filter = ["role", "delegation"]
    list_select_related = ["user", "delegation"]
    autocomplete_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """For looking up an invitation; invite, resend and revoke from the portal's screens
    (they mail the link, which the admin cannot: only the token's hash is stored)."""

    list_display = ["email", "delegation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "delegation"]
    list_select_related = ["delegation"]
    search_fields = ["email"]
    exclude = ["token_hash"]
    readonly_fields = [
        "email",
        "delegation",
        "role",
        "language",
        "invited_by",
        "sent_at",
        "send_count",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
        "revoked_by",
    ]

    def has_add_permission(self, request):
        return False
