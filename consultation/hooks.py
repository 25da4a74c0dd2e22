"""The consultation's part of drafts' pages, put in the slots drafts offers (portal/hooks.py);
imported by ConsultationConfig.ready()."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from drafts.rendering import READER_SLOT
from portal.hooks import hook_register

from .reader import CommentsInReader

hook_register(READER_SLOT)(CommentsInReader)


def _include(context, template_name: str) -> str:
    # Rendered with the page's own context (what CommentsInReader added is in it), so no
    # context processor runs twice.
    return context.template.engine.get_template(template_name).render(context)


@hook_register("revision.reader.nav")
def triage_links(context, revision):
    """The secretariat's links from the reader: triage, the compilation, the positions."""
    if not context.get("can_triage"):
        return ""
    return _include(context, "consultation/_reader_nav.html")


@hook_register("document.secretariat_actions")
def triage_link(context, document):
    """On the document's page, among the secretariat's links (which only it is shown)."""
    return format_html(
        '<a href="{}?document={}">{}</a>',
        reverse("comment_triage"),
        document.pk,
        _("Triage comments"),
    )


@hook_register("revision.reader.edition_note")
def citing_lines(context, revision):
    if not context.get("can_comment"):
        return ""
    return " " + _(
        "To comment on particular lines, click their numbers (Shift+click extends the range)."
    )


@hook_register("revision.reader.article")
def panel_urls(context, revision):
    """Where drafts.js fetches a paragraph's threads and forms when they are opened."""
    args = [revision.document.slug, revision.number, "-"]
    return format_html(
        ' data-threads="{}" data-forms="{}"',
        reverse("paragraph_threads", args=args),
        reverse("paragraph_form", args=args),
    )


@hook_register("revision.reader.end")
def document_comments(context, revision):
    """The comments on the whole document, and the form for one."""
    return _include(context, "consultation/_document_comments.html")
