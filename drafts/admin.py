from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import OutcomeDocument, Paragraph, Revision


@admin.register(OutcomeDocument)
class OutcomeDocumentAdmin(TranslationAdmin):
    list_display = ["symbol", "title", "kind", "status", "comment_deadline"]
    list_filter = ["kind", "status"]
    prepopulated_fields = {"slug": ["symbol"]}
    filter_horizontal = ["initiatives"]


class ParagraphInline(TranslationTabularInline):
    model = Paragraph
    extra = 0
    fields = ["position", "kind", "text", "negotiation", "bracketed_by"]

    def has_change_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Revision)
class RevisionAdmin(TranslationAdmin):
    list_display = ["__str__", "state", "published_at", "published_by"]
    list_filter = ["state", "document"]
    list_select_related = ["document", "published_by"]
    readonly_fields = ["state", "published_at", "published_by"]
    inlines = [ParagraphInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_published)
