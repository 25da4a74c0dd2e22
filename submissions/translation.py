from modeltranslation.translator import TranslationOptions, register

from .models import Call


@register(Call)
class CallTranslation(TranslationOptions):
    # The secretariat may give the subject in one language only: modeltranslation's fallback
    # (MODELTRANSLATION_FALLBACK_LANGUAGES) then shows it in the other.
    fields = ["subject"]
