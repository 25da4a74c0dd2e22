from modeltranslation.translator import TranslationOptions, register

from .models import OutcomeDocument, Paragraph, Revision


@register(OutcomeDocument)
class OutcomeDocumentTranslation(TranslationOptions):
    fields = ["title"]


@register(Revision)
class RevisionTranslation(TranslationOptions):
    fields = ["summary"]


@register(Paragraph)
class ParagraphTranslation(TranslationOptions):
    fields = ["text"]
