from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Delegation, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Delegation)
class DelegationAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "kind", "iso_code", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["name_ru", "name_en", "acronym"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "delegation", "role"]
    list_filter = ["role", "delegation"]
    list_select_related = ["user", "delegation"]
    autocomplete_fields = ["user"]
