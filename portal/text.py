"""Free text has a limit that the form, the API, the service and the database all agree on.

The limit is the model field's `max_length` (a TextField's is not enforced by Django at the
database); `length_limits` adds the matching CHECK constraints, one per column, translated
columns included, so that no path around the forms stores a million characters.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname


def length_limits(
    table: str, max_length: int, *fields: str, languages: Iterable[str] | None = None
) -> list[models.CheckConstraint]:
    """CHECK (length(column) <= max_length) for each field, and for each `<field>_<lang>` of
    a translated one (name it as "body*"), in modeltranslation's languages by default."""
    if languages is None:
        languages = mt_settings.AVAILABLE_LANGUAGES
    columns = []
    for field in fields:
        if field.endswith("*"):
            base = field[:-1]
            columns += [base, *(build_localized_fieldname(base, lang) for lang in languages)]
        else:
            columns.append(field)
    return [
        models.CheckConstraint(
            condition=LessThanOrEqual(Length(column), max_length),
            name=f"{table}_{column}_max_length",
        )
        for column in columns
    ]


def clean_plain_text(text: str | None, *, field: str, required: bool, max_length: int) -> str:
    """What people write (comments, statements) is plain text: templates escape it, so HTML
    stays inert. NUL and other control characters are refused here because PostgreSQL
    cannot store NUL at all."""
    text = (text or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(text) > max_length:
        raise ValidationError(
            {field: _("At most %(max)d characters, please.") % {"max": max_length}}
        )
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise ValidationError({field: _("The text contains control characters.")})
    return text


def written_language(language: str | None) -> str:
    """The language given, else the one the author is using the portal in."""
    codes = [code for code, _name in settings.LANGUAGES]
    language = (language or translation.get_language() or "").split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE
