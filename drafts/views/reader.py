"""The public's and delegates' pages: documents, the reader of a revision, comparisons, the dashboard."""

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import membership_of
from accounts.services import user_mark_dashboard_seen

from ..access import may_read_revision, revision_readable
from ..akn import LANGUAGE_CODES, akn_response
from ..forms import (
    PositionForm,
)
from ..models import Comment, OutcomeDocument
from ..rendering import ThreadRenderer
from ..selectors import (
    dashboard_for,
    document_final,
    documents_public,
    reader_context,
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
    final = document_final(document)
    membership = membership_of(request.user)
    sponsoring = membership is not None and any(
        delegation.pk == membership.delegation_id for delegation in final.sponsors
    )
    return render(
        request,
        "drafts/document_detail.html",
        {
            "document": document,
            "revisions": revisions,
            "final": final,
            "can_adopt": final.adoption is None
            and request.user.has_perm("drafts.adopt_document", document),
            "can_state": rules.has_perm("drafts.record_statement", request.user, document),
            "can_sponsor": rules.has_perm("drafts.sponsor_document", request.user, document),
            "sponsoring": sponsoring,
            "can_change": can_change,
            "summit_zone": summit_zone(document),
        },
    )


def revision_detail(request, slug, number):
    """The reader: the revision with its comment threads, forms and the deadline."""
    revision = revision_readable(request.user, slug=slug, number=number)
    document = revision.document
    context = reader_context(revision, request.user)
    paragraphs = context["paragraphs"]
    # Running text reflows to any width, so it cannot show the PDF's line numbers.
    running_text = request.GET.get("view") == "text"
    if running_text:
        for paragraph in paragraphs:
            paragraph.lines = []
    can_comment = rules.has_perm("drafts.comment_revision", request.user, revision)
    can_triage = request.user.has_perm("drafts.triage_comments")
    renderer = ThreadRenderer(
        user=request.user,
        can_comment=can_comment,
        can_triage=can_triage,
        reply_url=reverse("comment_create", args=[document.slug, revision.number]),
    )
    for paragraph in paragraphs:
        paragraph.threads_html = renderer.thread(paragraph.threads)
    can_record_position = (
        bool(paragraphs)
        and context["membership"] is not None
        and request.user.has_perm("drafts.record_position", paragraphs[0])
    )
    return render(
        request,
        "drafts/revision_detail.html",
        {
            **context,
            "document": document,
            "revision": revision,
            "can_comment": can_comment,
            "running_text": running_text,
            "document_threads_html": renderer.thread(context["document_threads"]),
            "can_record_position": can_record_position,
            "can_see_positions": request.user.has_perm("drafts.view_own_positions"),
            "can_triage": can_triage,
            "comment_kinds": Comment.Kind.choices,
            "visibilities": Comment.Visibility.choices,
            "stances": PositionForm.base_fields["stance"].choices,
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


@login_required
def dashboard(request):
    if not request.user.has_perm("drafts.view_dashboard"):
        raise PermissionDenied
    context = dashboard_for(request.user)
    user_mark_dashboard_seen(user=request.user)
    return render(request, "drafts/dashboard.html", context)


def revision_akn_download(request, slug, number, language):
    """The revision as Akoma Ntoso XML, one file per language edition, for whoever may read it."""
    if language not in LANGUAGE_CODES:
        raise Http404
    revision = revision_readable(request.user, slug=slug, number=number)
    return akn_response(revision, language)
