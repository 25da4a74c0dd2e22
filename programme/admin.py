from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import AgendaItem, Meeting, Summit


@admin.register(Summit)
class SummitAdmin(TranslationAdmin):
    list_display = ["acronym", "name", "host_city", "start_date", "end_date"]


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(TranslationAdmin):
    list_display = ["title", "kind", "place", "start_date", "end_date"]
    list_filter = ["kind", "summit"]
    prepopulated_fields = {"slug": ["title"]}  # in MODELTRANSLATION_PREPOPULATE_LANGUAGE
    inlines = [AgendaItemInline]
