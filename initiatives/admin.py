from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import FundingEntry, Indicator, Initiative, Outcome, Output, Section, Tag


@admin.register(Tag)
class TagAdmin(TranslationAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]


class SectionInline(TranslationTabularInline):
    model = Section
    extra = 0
    readonly_fields = ["version"]


class FundingInline(admin.TabularInline):
    model = FundingEntry
    extra = 0


@admin.register(Initiative)
class InitiativeAdmin(TranslationAdmin):
    list_display = ["title", "status", "lead_delegation"]
    prepopulated_fields = {"slug": ["title"]}  # in MODELTRANSLATION_PREPOPULATE_LANGUAGE
    filter_horizontal = ["partners", "tags"]
    inlines = [SectionInline, FundingInline]


class IndicatorInline(TranslationTabularInline):
    model = Indicator
    extra = 0


@admin.register(Output)
class OutputAdmin(TranslationAdmin):
    list_display = ["title", "outcome"]
    inlines = [IndicatorInline]


class OutputInline(TranslationTabularInline):
    model = Output
    extra = 0


@admin.register(Outcome)
class OutcomeAdmin(TranslationAdmin):
    list_display = ["title", "initiative"]
    inlines = [OutputInline]
