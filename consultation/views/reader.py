"""The pieces of drafts' reader that are the consultation's, fetched when a paragraph's box is
opened (drafts.js), and a participant's dashboard."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext as _

from accounts.services import user_mark_dashboard_seen
from delegations.permissions import membership_of
from drafts.access import revision_readable
from drafts.selectors import paragraphs_numbered

from ..models import DOCUMENT_THREADS
from ..permissions import comment_refusal
from ..reader import paragraph_form_context, thread_renderer
from ..selectors import dashboard_for, threads_on


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
    context = paragraph_form_context(request, revision, paragraphs, membership)
    if not (context["can_comment"] or context["can_record_position"]):
        raise PermissionDenied(comment_refusal(request.user, revision))
    paragraph.own_position = (
        paragraph.positions.filter(delegation_id=membership.delegation_id).first()
        if membership is not None
        else None
    )
    response = render(
        request, "consultation/_paragraph_form.html", {**context, "paragraph": paragraph}
    )
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
    html = thread_renderer(request, revision).thread(threads)
    if not threads:
        html = format_html("<p>{}</p>", _("No comment here that you may read."))
    response = HttpResponse(html)
    patch_cache_control(response, private=True, no_cache=True)
    return response


@login_required
def dashboard(request):
    if not request.user.has_perm("consultation.view_dashboard"):
        raise PermissionDenied
    context = dashboard_for(request.user)
    user_mark_dashboard_seen(user=request.user)
    return render(request, "consultation/dashboard.html", context)
