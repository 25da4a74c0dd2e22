from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Meeting, Summit


@register(Summit)
class SummitTranslation(TranslationOptions):
    fields = ["name", "host_city", "description"]


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ["title", "place", "description"]


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ["title", "description"]
