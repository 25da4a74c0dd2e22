"""The public's and delegates' pages: documents, the reader of a revision, comparisons."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.hooks import hook_fillers

from ..access import may_read_revision, revision_readable
from ..models import OutcomeDocument
from ..rendering import READER_SLOT, ReaderRenderer
from ..selectors import (
    documents_public,
    paragraphs_numbered,
    revision_compare,
)
from .common import bad_request, summit_zone


def document_list(request):
    return render(request, "drafts/document_list.html", {"documents": documents_public()})


def document_detail(request, slug):
    document = get_object_or_404(OutcomeDocument.objects.select_related("summit"), slug=slug)
    revisions = [
        revision
        for revision in document.revisions.select_related("published_by")
        if may_read_revision(request.user, revision)
    ]
    can_change = request.user.has_perm("drafts.change_document", document)
    if not revisions and not can_change:
        # A document with nothing readable does not exist for this reader.
        raise Http404
    # What the apps above add (the adoption, its statements) fills the page's hook slots.
    return render(
        request,
        "drafts/document_detail.html",
        {
            "document": document,
            "revisions": revisions,
            "can_change": can_change,
            "summit_zone": summit_zone(document),
        },
    )


def revision_detail(request, slug, number):
    """The reader: the revision's numbered text, and what the apps above add to it (the
    consultation: comment counts, threads and forms, drafts.rendering.READER_SLOT and the
    template's `{% hook %}`s), in a constant number of queries."""
    revision = revision_readable(request.user, slug=slug, number=number)
    document = revision.document
    paragraphs = paragraphs_numbered(revision)
    # Running text reflows to any width, so it cannot show the PDF's line numbers.
    running_text = request.GET.get("view") == "text"
    # The numbered lines reflow on a narrow screen (the CSS decides); `?view=lines` keeps them
    # line for line, as the PDF prints them, whatever the width.
    line_for_line = request.GET.get("view") == "lines"
    additions = [
        fill(request, revision, paragraphs, running_text=running_text)
        for fill in hook_fillers(READER_SLOT)
    ]
    if running_text:
        for paragraph in paragraphs:
            paragraph.lines = []
    reader = ReaderRenderer(additions=additions)
    sections = [reader.section(paragraph) for paragraph in paragraphs]
    context = {"document": document, "revision": revision, "paragraphs": paragraphs}
    for addition in additions:
        context.update(addition.context)
    return render(
        request,
        "drafts/revision_detail.html",
        {
            **context,
            "running_text": running_text,
            "line_for_line": line_for_line,
            "paragraphs_html": mark_safe("\n".join(sections)),
            "summit_zone": summit_zone(document),
            "now": timezone.now(),
        },
    )


def revision_compare_view(request, slug):
    document = get_object_or_404(OutcomeDocument, slug=slug)
    revisions = [
        revision
        for revision in document.revisions.all()
        if may_read_revision(request.user, revision)
    ]
    if not revisions:
        raise Http404
    by_number = {revision.number: revision for revision in revisions}
    raw_from, raw_to = request.GET.get("from"), request.GET.get("to")
    if raw_from is None and raw_to is None:
        published = [r for r in revisions if r.is_published]
        if len(revisions) < 2:
            return render(
                request,
                "drafts/compare.html",
                {"document": document, "revisions": revisions, "changes": None},
            )
        newest = published[-1] if published else revisions[-1]
        older = [r for r in revisions if r.number < newest.number]
        old, new = (older[-1] if older else revisions[0]), newest
    else:
        try:
            old_number, new_number = int(raw_from or ""), int(raw_to or "")
        except ValueError:
            return bad_request(request, _("Choose two revisions by their numbers."))
        old, new = by_number.get(old_number), by_number.get(new_number)
        if old is None or new is None:
            return bad_request(request, _("There is no such revision of this document."), 404)
    changes = revision_compare(old, new)
    changed = [change for change in changes if change.change != "unchanged" or change.moved]
    changes_only = request.GET.get("changes") == "only"
    return render(
        request,
        "drafts/compare.html",
        {
            "document": document,
            "revisions": revisions,
            "old": old,
            "new": new,
            "changes": changed if changes_only else changes,
            "changed_count": len(changed),
            "changes_only": changes_only,
        },
    )
