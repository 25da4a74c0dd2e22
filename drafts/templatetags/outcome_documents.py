"""Outcome documents shown on other apps' pages (an initiative's), so that those apps need not
import drafts: the arrows of the layering point from drafts down to initiatives, not up; and
a paragraph with its numbered lines, for the drafts pages that quote one."""

from django import template

from drafts.rendering import paragraph_html
from drafts.selectors import documents_public

register = template.Library()


@register.inclusion_tag("drafts/_initiative_documents.html")
def initiative_documents(initiative):
    return {"documents": documents_public().filter(initiatives=initiative)}


@register.simple_tag
def lined_paragraph(paragraph, cite_url=""):
    """A paragraph with its numbered lines, as the reader shows it (drafts.rendering)."""
    return paragraph_html(paragraph, cite_url)
