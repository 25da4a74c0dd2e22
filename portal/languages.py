"""The content languages: settings.LANGUAGES, read where they are needed, never listed again.

Forms and services read the settings when they run (so a test may add a language with
override_settings); translated model columns are modeltranslation's, fixed at start-up from
the same setting, and `localized_names` lists them.
"""

from collections.abc import Mapping

from django.conf import settings
from django.utils.translation import gettext
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    """The content languages' codes, in the order of settings.LANGUAGES."""
    return [code for code, _name in settings.LANGUAGES]


def language_label(code: str) -> str:
    """The language as a form label names it ("Text (Russian)"), in the active language."""
    name = getattr(settings, "LANGUAGE_LABEL_NAMES", {}).get(code) or dict(settings.LANGUAGES)[code]
    return str(name)


def edition_name(code: str) -> str:
    """The text's edition in a language ("Russian edition"), in the active language."""
    name = getattr(settings, "LANGUAGE_EDITION_NAMES", {}).get(code)
    if name is None:
        name = gettext("%(language)s edition") % {"language": dict(settings.LANGUAGES)[code]}
    return str(name)


def localized_names(*fields: str) -> list[str]:
    """The translated columns of `fields`, field by field, language by language:
    localized_names("name", "acronym") == ["name_ru", "name_en", "acronym_ru", "acronym_en"]."""
    return [
        build_localized_fieldname(field, code)
        for field in fields
        for code in mt_settings.AVAILABLE_LANGUAGES
    ]


def translations(source, field: str) -> list[tuple[str, str, str]]:
    """(code, the language as a label names it, text) of a translated field of an object or
    of a dict (a form's initial data), language by language."""
    rows = []
    for code in language_codes():
        name = build_localized_fieldname(field, code)
        text = source.get(name) if isinstance(source, Mapping) else getattr(source, name, None)
        rows.append((code, language_label(code), text or ""))
    return rows
