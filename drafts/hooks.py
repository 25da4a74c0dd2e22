"""What drafts adds to the pages of apps below it (portal/hooks.py)."""

from django.template.loader import render_to_string

from portal.hooks import hook_register

from .selectors import documents_public


@hook_register("initiative.documents")
def initiative_documents(context, initiative):
    """The outcome documents that take up an initiative, on the initiative's page."""
    return render_to_string(
        "drafts/_initiative_documents.html",
        {"documents": documents_public().filter(initiatives=initiative)},
    )
