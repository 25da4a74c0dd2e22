from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Document, LanguageVersion, Register


class LanguageVersionInline(admin.TabularInline):
    model = LanguageVersion
    extra = 0
    can_delete = False
    fields = ["language", "original", "format", "size", "issued_at", "text_extracted_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # versions are issued from the register's form (the file is checked there)


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    """A title's typo may be corrected here; symbols, numbers and files are the service's."""

    list_display = ["symbol", "title", "series", "meeting", "issued_at"]
    list_filter = ["series", "meeting"]
    search_fields = ["symbol", "title"]
    fields = ["symbol", "meeting", "series", "title", "agenda_item", "issued_at", "issued_by"]
    readonly_fields = ["symbol", "meeting", "series", "agenda_item", "issued_at", "issued_by"]
    inlines = [LanguageVersionInline]

    def has_add_permission(self, request):
        return False  # issued from the register's form or the API, which number them

    def has_delete_permission(self, request, obj=None):
        return False  # an issued document stays in the record


@admin.register(Register)
class RegisterAdmin(admin.ModelAdmin):
    list_display = ["prefix", "meeting"]
    readonly_fields = ["meeting"]

    def has_add_permission(self, request):
        return False  # made on a meeting's first issue
