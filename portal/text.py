"""Free text has a limit that the form, the API, the service and the database all agree on.

The limit is the model field's `max_length` (a TextField's is not enforced by Django at the
database); `length_limits` adds the matching CHECK constraints, one per column, translated
columns included, so that no path around the forms stores a million characters.
"""

from collections.abc import Iterable

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
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
