"""The badge: what its QR code carries, and the badge and list PDFs as HTML → bytes.

The QR code carries `badge_key` signed with the portal's SECRET_KEY (django.core.signing):
a random key, never the row's id, so a code cannot be guessed or altered into another
person's; a forged or edited code fails the signature. A withdrawn or rejected registration
keeps its key but its status refuses it at the door (registration.services).
"""

import base64
from collections.abc import Iterable

import segno
from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.utils import timezone, translation

from typesetting.pdf import html_to_pdf

from .models import Registration

SALT = "registration.badge"
# Four 95 × 135 mm badges fill an A4 sheet, two by two.
BADGES_PER_SHEET = 4
# Category colours on the badge's band, readable from across a hall.
CATEGORY_COLOURS = {
    Registration.Category.STATE: "#0b4f8a",
    Registration.Category.UN_SYSTEM: "#3a8fd6",
    Registration.Category.IGO: "#2e7d32",
    Registration.Category.NGO: "#ef6c00",
    Registration.Category.MEDIA: "#b71c1c",
}


def badge_code(registration: Registration) -> str:
    return signing.Signer(salt=SALT).sign(registration.badge_key)


def badge_key_from_code(code: str) -> str | None:
    """The key a genuine code carries; None for anything forged, altered or malformed."""
    code = (code or "").strip()[:200]
    try:
        return signing.Signer(salt=SALT).unsign(code)
    except signing.BadSignature:
        return None


def qr_data_uri(code: str) -> str:
    # PNG at 8 px a module: sharp at the printed 34 mm, and a base64 data URL the PDF
    # renderer accepts (typesetting/pdf.py fetches nothing else).
    return segno.make(code, error="m").png_data_uri(scale=8, border=2)


def photo_data_uri(registration: Registration) -> str | None:
    if not registration.photo:
        return None
    try:
        with registration.photo.open("rb") as photo:
            data = photo.read()
    except OSError:  # a file lost from storage must not stop a sheet of 500 badges
        return None
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def _badge(registration: Registration, language: str) -> dict:
    return {
        "registration": registration,
        "name": registration.display_name(language),
        "latin_name": registration.full_name,
        "affiliation": registration.affiliation,
        "category": registration.get_category_display(),
        "colour": CATEGORY_COLOURS.get(registration.category, "#333333"),
        "qr": qr_data_uri(badge_code(registration)),
        "photo": photo_data_uri(registration),
    }


def badges_pdf(
    registrations: Iterable[Registration], *, meeting, language: str, sheet: bool
) -> bytes:
    """One badge a page (`sheet=False`) or four to an A4 sheet with cut marks."""
    with translation.override(language):
        badges = [_badge(registration, language) for registration in registrations]
        per_page = BADGES_PER_SHEET if sheet else 1
        pages = [badges[start : start + per_page] for start in range(0, len(badges), per_page)]
        html = render_to_string(
            "registration/pdf/badges.html",
            {
                "pages": pages,
                "meeting": meeting,
                "sheet": sheet,
                "language": language,
                "date": timezone.localdate(),
            },
        )
    return html_to_pdf(html)


def participants_pdf(groups: list[dict], *, meeting, language: str, unnamed: int) -> bytes:
    with translation.override(language):
        html = render_to_string(
            "registration/pdf/participants.html",
            {
                "groups": groups,
                "meeting": meeting,
                "language": language,
                "unnamed": unnamed,
                "date": timezone.localdate(),
                "languages": settings.LANGUAGES,
            },
        )
    return html_to_pdf(html)
