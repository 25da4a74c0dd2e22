from django.contrib import admin

from .models import PdfJob


@admin.register(PdfJob)
class PdfJobAdmin(admin.ModelAdmin):
    list_display = ["revision", "language", "status", "pages", "created_at", "finished_at"]
    list_filter = ["status", "language"]
    readonly_fields = [field.name for field in PdfJob._meta.fields]
