from modeltranslation.translator import TranslationOptions, register

from .models import Adoption


@register(Adoption)
class AdoptionTranslation(TranslationOptions):
    fields = ["title"]
