"""Delegates' comments and amendments, and heads' official positions, from the reader."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from drafts.access import revision_readable
from drafts.models import Paragraph
from drafts.selectors import paragraphs_numbered
from drafts.views.common import bad_request
from portal.concurrency import add_service_errors, versioned_edit
from portal.ids import parse_id

from .. import services
from ..forms import (
    AnswerForm,
    CommentEditForm,
    CommentForm,
    PositionForm,
)
from ..models import Comment
from ..permissions import comment_refusal
from ..selectors import comment_event_changes


@login_required
def comment_create(request, slug, number):
    """A comment form on its own page: where the reader's inline forms post, and where errors
    are shown with what was typed."""
    revision = revision_readable(request.user, slug=slug, number=number)
    paragraphs = {p.key: p for p in paragraphs_numbered(revision)}
    data = request.POST if request.method == "POST" else None
    paragraph = parent = None
    status = 200
    key = (data or request.GET).get("paragraph") or ""
    if key:
        paragraph = paragraphs.get(key)
        if paragraph is None:
            return bad_request(request, _("This paragraph is not part of this revision."))
    initial = None
    if data is None:
        initial = request.GET.dict()
        if paragraph and initial.get("kind") == "amendment" and not initial.get("proposed_text"):
            # An amendment starts from the paragraph's current wording.
            initial["proposed_text"] = paragraph.text
    form = CommentForm(data, initial=initial)
    parent_id = (data or request.GET).get("parent") or ""
    if parent_id:
        parent = Comment.objects.filter(pk=parse_id(parent_id) or 0).first()
        if parent is None or not request.user.has_perm("consultation.view_comment", parent):
            return bad_request(request, _("Unknown comment."))
    refusal = None
    if data is not None and form.is_valid():
        try:
            comment = services.comment_create(
                author=request.user,
                revision=revision,
                paragraph=paragraph,
                parent=parent,
                kind=form.cleaned_data["kind"],
                body=form.cleaned_data["body"],
                proposed_text=form.cleaned_data["proposed_text"],
                visibility=form.cleaned_data["visibility"],
                line_first=form.cleaned_data["line_first"],
                line_last=form.cleaned_data["line_last"],
                cited_language=form.cleaned_data["cited_language"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("You may not comment on this revision."))
            status = 403
        else:
            # Shown beside the new comment (drafts.js), where the page lands.
            messages.success(
                request, _("Your comment has been recorded."), extra_tags=f"c-{comment.pk}"
            )
            return redirect(comment.get_in_text_url())
    if data is not None:
        status = 403 if status == 403 else 400
    else:
        # The form is not bound, so it cannot carry the error: the page says it instead.
        refusal = comment_refusal(request.user, revision)
        status = 403 if refusal else 200
    return render(
        request,
        "consultation/comment_form.html",
        {
            "form": form,
            "refusal": refusal,
            "revision": revision,
            "document": revision.document,
            "paragraph": paragraph,
            "parent": parent,
        },
        status=status,
    )


def _comment_or_404(request, pk) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("revision__document", "paragraph", "author", "delegation"),
        pk=pk,
    )
    if not request.user.has_perm("consultation.view_comment", comment):
        raise Http404
    return comment


@login_required
def comment_edit(request, pk):
    comment = _comment_or_404(request, pk)
    if not rules.has_perm("consultation.change_comment", request.user, comment):
        raise PermissionDenied(_("This comment can no longer be edited."))

    def save(data):
        services.comment_edit(comment=comment, user=request.user, **data)

    def done():
        messages.success(request, _("Your comment has been updated."), extra_tags=f"c-{comment.pk}")
        return redirect(comment.get_in_text_url())

    return versioned_edit(
        request,
        form_class=CommentEditForm,
        initial={
            "version": comment.version,
            "body": comment.body,
            "proposed_text": comment.proposed_text,
        },
        save=save,
        done=done,
        template="consultation/comment_edit.html",
        context={"comment": comment},
    )


@login_required
def comment_detail(request, pk):
    """One comment with its whole history (who changed what, and when)."""
    comment = _comment_or_404(request, pk)
    events = list(comment.events.select_related("actor"))
    for event in events:
        event.changes = comment_event_changes(event)
    return render(
        request,
        "consultation/comment_detail.html",
        {
            "comment": comment,
            "events": events,
            "can_triage": request.user.has_perm("consultation.triage_comments"),
            "answer_form": AnswerForm(
                initial={"status": comment.status, "response": comment.response}
            ),
        },
    )


@login_required
@require_POST
def position_record(request, slug, number, key):
    revision = revision_readable(request.user, slug=slug, number=number)
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("revision"), revision=revision, key=key
    )
    if not request.user.has_perm("consultation.record_position", paragraph):
        raise PermissionDenied
    form = PositionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text())
        services.position_record(
            paragraph=paragraph,
            user=request.user,
            stance=form.cleaned_data["stance"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        return bad_request(request, " ".join(error.messages))
    messages.success(request, _("Your delegation's position has been recorded."))
    return redirect(f"{revision.get_absolute_url()}#p-{paragraph.key}")
