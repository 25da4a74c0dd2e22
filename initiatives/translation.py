from modeltranslation.translator import TranslationOptions, register

from .models import (
    FundingEntry,
    Indicator,
    Initiative,
    Outcome,
    Output,
    Section,
    SectionVersion,
    Tag,
)


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ["name"]


@register(Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = ["title", "summary"]


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ["body"]


@register(SectionVersion)
class SectionVersionTranslation(TranslationOptions):
    fields = ["body"]


@register(Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ["title"]


@register(Output)
class OutputTranslation(TranslationOptions):
    fields = ["title"]


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ["title", "unit", "means_of_verification"]


@register(FundingEntry)
class FundingEntryTranslation(TranslationOptions):
    fields = ["note"]
