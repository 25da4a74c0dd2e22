"""Translated fields read from values() rows, as modeltranslation reads them from models.

A model instance's `title` is the active language's `title_<lang>`, or, when that is empty,
the first non-empty one in the fallback order (settings.MODELTRANSLATION_FALLBACK_LANGUAGES).
Reads that skip model instances for speed (the API's lists) use this, so that their text is
the same as the instances' would be.
"""

from modeltranslation.utils import get_language, resolution_order


def localizer():
    """A function (row, field) -> text; the languages' order is looked up once, for many rows."""
    order = resolution_order(get_language())

    def localized(row: dict, field: str) -> str:
        for language in order:
            value = row.get(f"{field}_{language}")
            if value is not None and value != "":
                return value
        return ""

    return localized


def localized_fields(*fields: str) -> list[str]:
    """The columns of `fields` in every language, for values()."""
    from django.conf import settings

    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]
