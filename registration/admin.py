from django.contrib import admin

from .models import (
    FocalPoint,
    NominationLetter,
    Registration,
    RegistrationDocument,
    RegistrationWindow,
)


@admin.register(RegistrationWindow)
class RegistrationWindowAdmin(admin.ModelAdmin):
    list_display = ["meeting", "opens_at", "closes_at"]


@admin.register(FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    list_display = ["delegation", "user", "appointed_at"]
    raw_id_fields = ["user", "appointed_by"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    # The history is read on the desk (registration/desk.py), with who did what and why.
    list_display = ["family_name", "given_name", "meeting", "delegation", "category", "status"]
    list_filter = ["meeting", "status", "category"]
    search_fields = ["family_name", "given_name", "email"]
    # Files and the badge key are written by the services only (checked uploads, signed codes).
    exclude = ["photo", "badge_pdf"]
    raw_id_fields = ["user", "nominated_by", "checked_in_by"]


@admin.register(NominationLetter)
class NominationLetterAdmin(admin.ModelAdmin):
    list_display = ["delegation", "meeting", "uploaded_at"]
    exclude = ["file"]


@admin.register(RegistrationDocument)
class RegistrationDocumentAdmin(admin.ModelAdmin):
    list_display = ["meeting", "kind", "language", "status", "created_at"]
