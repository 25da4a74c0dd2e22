"""The secretariat's triage: answering, moderating, the compilation and the matrix of positions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.decorators import secretariat_required
from drafts.access import revision_readable
from drafts.selectors import paragraphs_labelled, paragraphs_with_label
from drafts.views.common import bad_request

from .. import services
from ..compilation import COMPILATION_FORMATS, compilation_response
from ..forms import (
    AnswerForm,
    BulkStatusForm,
    HideForm,
    TriageFilterForm,
)
from ..models import Comment
from ..selectors import (
    comments_for_triage,
    position_matrix,
    triage_counts,
    triage_rows,
)


def _back_to_triage(request, comment=None) -> str:
    """Back where the secretariat was (its filters and page; only a path of this site), at
    the comment it acted on."""
    target = request.POST.get("next", "").split("#")[0]
    if not (target.startswith("/") and not target.startswith("//")):
        target = reverse("comment_triage")
    return f"{target}#c-{comment.pk}" if comment else target


@secretariat_required
def comment_triage(request):
    if not request.user.has_perm("consultation.triage_comments"):
        raise PermissionDenied
    form = TriageFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "revision__document": data["document"],
            "revision__number": data["revision"],
            "delegation": data["delegation"],
            "paragraph__in": paragraphs_with_label(data["paragraph"])
            if data["paragraph"]
            else None,
            "kind": data["kind"],
            "status": data["status"],
        }
    queryset = comments_for_triage(**filters)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    paragraphs_labelled(comment.paragraph for comment in page.object_list)
    triage_rows(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "consultation/triage.html",
        {
            "form": form,
            "page": page,
            "counts": triage_counts(queryset),
            "query": query.urlencode(),
            "statuses": Comment.Status.choices,
            "here": request.get_full_path(),
        },
    )


@secretariat_required
@require_POST
def comment_answer(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    form = AnswerForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text())
        services.comment_answer(
            comment=comment,
            user=request.user,
            status=form.cleaned_data["status"],
            response=form.cleaned_data["response"],
        )
    except ValidationError as error:
        return bad_request(request, " ".join(error.messages))
    if request.accepts("application/json") and not request.accepts("text/html"):
        # Answered in place (drafts.js): the row updates itself, nothing reloads.
        comment.refresh_from_db()
        return JsonResponse(
            {
                "id": comment.pk,
                "status": comment.status,
                "status_label": comment.get_status_display(),
                "response": comment.response,
                "message": str(_("The answer has been recorded.")),
            }
        )
    messages.success(request, _("The answer has been recorded."), extra_tags=f"c-{comment.pk}")
    return redirect(_back_to_triage(request, comment))


@secretariat_required
@require_POST
def comment_bulk_status(request):
    """One status for several comments chosen in triage (their responses stay)."""
    form = BulkStatusForm(request.POST)
    if not form.is_valid():
        return bad_request(request, _("Choose comments and a status."))
    count = services.comments_set_status(
        user=request.user, ids=form.ids, status=form.cleaned_data["status"]
    )
    messages.success(
        request,
        ngettext(
            "The status of %(n)d comment has been changed.",
            "The status of %(n)d comments has been changed.",
            count,
        )
        % {"n": count},
    )
    return redirect(_back_to_triage(request))


@secretariat_required
@require_POST
def comment_hide(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    form = HideForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Say why the comment is hidden."))
        services.comment_hide(
            comment=comment, user=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        return bad_request(request, " ".join(error.messages))
    messages.success(request, _("The comment is hidden."))
    return redirect(_back_to_triage(request, comment))


@secretariat_required
@require_POST
def comment_restore(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    services.comment_restore(comment=comment, user=request.user)
    messages.success(request, _("The comment is shown again."))
    return redirect(_back_to_triage(request, comment))


@secretariat_required
def compilation_download(request, slug, number, fmt):
    if fmt not in COMPILATION_FORMATS:
        raise Http404
    revision = revision_readable(request.user, slug=slug, number=number)
    if not request.user.has_perm("consultation.view_compilation", revision):
        raise PermissionDenied
    return compilation_response(revision, fmt)


@secretariat_required
def position_matrix_view(request, slug, number):
    revision = revision_readable(request.user, slug=slug, number=number)
    if not request.user.has_perm("consultation.view_position_matrix", revision):
        raise PermissionDenied
    return render(
        request,
        "consultation/position_matrix.html",
        {"revision": revision, "document": revision.document, **position_matrix(revision)},
    )
