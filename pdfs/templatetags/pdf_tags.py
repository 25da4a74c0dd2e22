import re

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from pdfs.selectors import pdf_block_entries

register = template.Library()

_UNSAFE_IN_CSS_STRING = re.compile(r'[\\"\n\r<>]')


@register.filter
def css_string(value) -> str:
    """A CSS string literal for generated content (page footers), safe inside <style>."""
    escaped = _UNSAFE_IN_CSS_STRING.sub(lambda match: f"\\{ord(match.group()):x} ", str(value))
    return mark_safe(f'"{escaped}"')


@register.inclusion_tag("pdf/_block.html", takes_context=True)
def pdf_block(context, revision):

    request = context["request"]
    return {
        "revision": revision,
        "entries": pdf_block_entries(revision=revision, user=request.user),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


def pdf_block_html(context, revision) -> str:
    """The same block, for the `revision.actions` hook slot (portal/hooks.py)."""
    return render_to_string("pdf/_block.html", pdf_block(context, revision))
