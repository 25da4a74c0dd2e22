"""What akn adds to drafts' pages, through the slots they offer (portal/hooks.py): the links
to a revision's Akoma Ntoso files, and the editor's link to the import. Registered in
AppConfig.ready()."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.hooks import hook_register


@hook_register("revision.downloads")
def revision_links(context, revision) -> str:
    return render_to_string("akn/_revision_links.html", {"revision": revision})


@hook_register("editor.links")
def import_link(context, document) -> str:
    return format_html(
        ' · <a href="{}">{}</a>',
        reverse("draft_import", args=[document.slug]),
        _("Import from Akoma Ntoso"),
    )
