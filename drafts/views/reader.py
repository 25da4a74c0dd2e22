"""The public's and delegates' pages: documents, the reader of a revision, comparisons, the dashboard."""

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts.services import user_mark_dashboard_seen
from delegations.permissions import membership_of

from ..access import may_read_revision, revision_readable
from ..forms import (
    PositionForm,
)
from ..models import DOCUMENT_THREADS, Comment, OutcomeDocument
from ..permissions import comment_refusal
from ..rendering import ReaderRenderer, ThreadRenderer
from ..selectors import (
    dashboard_for,
    documents_public,
    paragraphs_numbered,
    reader_context,
    revision_compare,
    threads_on,
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


def _thread_renderer(request, revision) -> ThreadRenderer:
    return ThreadRenderer(
        user=request.user,
        can_comment=rules.has_perm("drafts.comment_revision", request.user, revision),
        can_triage=request.user.has_perm("drafts.triage_comments"),
        reply_url=reverse("comment_create", args=[revision.document.slug, revision.number]),
    )


def revision_detail(request, slug, number):
    """The reader: the revision, how many comments each paragraph has, forms and the deadline.
    Threads open per paragraph (`paragraph_threads`); `?open=<key>` brings one paragraph's
    with the page, which is where links to a comment and the page without JavaScript lead."""
    revision = revision_readable(request.user, slug=slug, number=number)
    document = revision.document
    context = reader_context(revision, request.user, open_key=request.GET.get("open", ""))
    paragraphs = context["paragraphs"]
    # Running text reflows to any width, so it cannot show the PDF's line numbers.
    running_text = request.GET.get("view") == "text"
    if running_text:
        for paragraph in paragraphs:
            paragraph.lines = []
    renderer = _thread_renderer(request, revision)  # the same rules as the fetched threads
    form_context = _paragraph_form_context(request, revision, paragraphs, context["membership"])
    can_comment = form_context["can_comment"]
    reader = ReaderRenderer(
        document=document,
        cite_url=reverse("comment_create", args=[slug, revision.number]) if can_comment else "",
        can_write=can_comment or form_context["can_record_position"],
        can_record_position=form_context["can_record_position"],
        running_text=running_text,
    )
    write_key = request.GET.get("write", "")
    sections = []
    for paragraph in paragraphs:
        opened = paragraph.threads is not None
        paragraph.threads_html = renderer.thread(paragraph.threads) if opened else None
        form_html = ""
        if paragraph.key == write_key:
            form_html = render_to_string(
                "drafts/_paragraph_form.html", {**form_context, "paragraph": paragraph}, request
            )
        sections.append(reader.section(paragraph, form_html=form_html))
    document_threads = context["document_threads"]
    return render(
        request,
        "drafts/revision_detail.html",
        {
            **context,
            **form_context,
            "running_text": running_text,
            "paragraphs_html": mark_safe("\n".join(sections)),
            "document_threads_html": reader.actions(
                DOCUMENT_THREADS,
                context["document_comment_count"],
                None if document_threads is None else renderer.thread(document_threads),
                None,  # the form for the whole document is always on the page
                anchor="document-comments",
            ),
            "can_see_positions": request.user.has_perm("drafts.view_own_positions"),
            "can_triage": renderer.can_triage,
            "summit_zone": summit_zone(document),
            "now": timezone.now(),
        },
    )


def _paragraph_form_context(request, revision, paragraphs, membership) -> dict:
    """What drafts/_paragraph_form.html needs besides the paragraph."""
    return {
        "document": revision.document,
        "revision": revision,
        "can_comment": rules.has_perm("drafts.comment_revision", request.user, revision),
        "can_record_position": bool(paragraphs)
        and membership is not None
        and request.user.has_perm("drafts.record_position", paragraphs[0]),
        "comment_kinds": Comment.Kind.choices,
        "visibilities": Comment.Visibility.choices,
        "stances": PositionForm.base_fields["stance"].choices,
    }


@login_required
def paragraph_form(request, slug, number, key):
    """The forms of one paragraph (comment, the head's position) as a piece of the reader's
    page, which drafts.js puts in place when the paragraph's box is opened."""
    revision = revision_readable(request.user, slug=slug, number=number)
    paragraphs = paragraphs_numbered(revision)
    paragraph = next((p for p in paragraphs if p.key == key), None)
    if paragraph is None:
        raise Http404
    membership = membership_of(request.user)
    context = _paragraph_form_context(request, revision, paragraphs, membership)
    if not (context["can_comment"] or context["can_record_position"]):
        raise PermissionDenied(comment_refusal(request.user, revision))
    paragraph.own_position = (
        paragraph.positions.filter(delegation_id=membership.delegation_id).first()
        if membership is not None
        else None
    )
    response = render(request, "drafts/_paragraph_form.html", {**context, "paragraph": paragraph})
    patch_cache_control(response, private=True, no_cache=True)
    return response


def paragraph_threads(request, slug, number, key):
    """The comment threads on one paragraph (or, for DOCUMENT_THREADS, on the whole document)
    as a piece of the reader's page, which drafts.js puts in place when a paragraph's
    comments are opened. Whoever may read the revision may ask; each sees what they may."""
    revision = revision_readable(request.user, slug=slug, number=number)
    paragraph = None
    if key != DOCUMENT_THREADS:
        paragraph = get_object_or_404(revision.paragraphs.all(), key=key)
    threads = threads_on(revision, paragraph, request.user)
    html = _thread_renderer(request, revision).thread(threads)
    if not threads:
        html = format_html("<p>{}</p>", _("No comment here that you may read."))
    response = HttpResponse(html)
    patch_cache_control(response, private=True, no_cache=True)
    return response


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


@login_required
def dashboard(request):
    if not request.user.has_perm("drafts.view_dashboard"):
        raise PermissionDenied
    context = dashboard_for(request.user)
    user_mark_dashboard_seen(user=request.user)
    return render(request, "drafts/dashboard.html", context)
