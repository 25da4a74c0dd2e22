import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_UNSAFE_IN_CSS_STRING = re.compile(r'[\\"\n\r<>]')


@register.filter
def css_string(value) -> str:
    """A CSS string literal for generated content (page footers), safe inside <style>."""
    escaped = _UNSAFE_IN_CSS_STRING.sub(lambda match: f"\\{ord(match.group()):x} ", str(value))
    return mark_safe(f'"{escaped}"')
