"""Outcome documents shown on other apps' pages (an initiative's), so that those apps need not
import drafts: the arrows of the layering point from drafts down to initiatives, not up."""

from django import template

from drafts.selectors import documents_public

register = template.Library()


@register.inclusion_tag("drafts/_initiative_documents.html")
def initiative_documents(initiative):
    return {"documents": documents_public().filter(initiatives=initiative)}
