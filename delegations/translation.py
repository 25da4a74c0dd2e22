from modeltranslation.translator import TranslationOptions, register

from .models import Delegation


@register(Delegation)
class DelegationTranslation(TranslationOptions):
    fields = ["name", "acronym"]
