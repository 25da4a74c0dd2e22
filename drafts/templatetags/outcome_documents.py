"""A paragraph with its numbered lines, for the drafts pages that quote one. (Outcome documents
on an initiative's page are a hook that drafts fills: drafts/hooks.py.)"""

from django import template

from drafts.rendering import paragraph_html

register = template.Library()


@register.simple_tag
def lined_paragraph(paragraph, cite_url=""):
    """A paragraph with its numbered lines, as the reader shows it (drafts.rendering)."""
    return paragraph_html(paragraph, cite_url)
