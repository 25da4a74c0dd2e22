"""The content languages in templates, so that no template lists them by hand."""

from django import template

from portal.languages import edition_name, language_codes, language_label, translations

register = template.Library()


@register.simple_tag
def content_languages() -> list[tuple[str, str]]:
    """(code, the language as a label names it), in the order of settings.LANGUAGES."""
    return [(code, language_label(code)) for code in language_codes()]


# {{ entry.language|edition_name }}
register.filter("edition_name", edition_name)
# {% for code, language, text in paragraph|in_languages:"text" %}
register.filter("in_languages", translations)
