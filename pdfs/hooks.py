"""What pdfs adds to the pages of apps below it (portal/hooks.py)."""

from django.template.loader import render_to_string

from portal.hooks import hook_register

from .selectors import pdf_block_entries


@hook_register("revision.downloads")
@hook_register("adopted.downloads")
def pdf_block(context, revision):
    """The PDFs of a revision (ready, being made, or to order), on the revision's pages."""
    request = context["request"]
    return render_to_string(
        "pdf/_block.html",
        {
            "revision": revision,
            "entries": pdf_block_entries(revision=revision, user=request.user),
            "csrf_token": context.get("csrf_token"),
            "request": request,
        },
    )
