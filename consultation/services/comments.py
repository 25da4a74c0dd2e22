"""Comments and amendments: written by delegates, answered and moderated by the secretariat."""

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from delegations.permissions import membership_of
from drafts.models import Paragraph, Revision
from drafts.selectors import paragraph_line_span
from portal.concurrency import locked_at_version
from portal.text import clean_plain_text, written_language

from ..models import COMMENT_MAX_LENGTH, Comment, CommentEvent


def clean_comment_text(text: str | None, *, field: str, required: bool) -> str:
    return clean_plain_text(text, field=field, required=required, max_length=COMMENT_MAX_LENGTH)


@transaction.atomic
def comment_create(
    *,
    author: User,
    revision: Revision,
    body: str,
    kind: str = Comment.Kind.COMMENT,
    paragraph: Paragraph | None = None,
    proposed_text: str = "",
    parent: Comment | None = None,
    visibility: str = Comment.Visibility.ALL,
    language: str | None = None,
    line_first: int | None = None,
    line_last: int | None = None,
    cited_language: str | None = None,
) -> Comment:
    """`line_first`…`line_last` cite lines of `paragraph` as numbered in the
    `cited_language` edition (the author's language by default); one line may be given alone."""
    # rules.has_perm, not user.has_perm: these are rules of the consultation that no
    # superuser bypasses (only published revisions, while open; only the author edits).
    if not rules.has_perm("consultation.comment_revision", author, revision):
        if revision.is_published and not revision.document.consultation_open:
            raise PermissionDenied(_("The consultation on this document is closed."))
        raise PermissionDenied(_("You may not comment on this revision."))
    if kind not in Comment.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of comment.")})
    if visibility not in Comment.Visibility.values:
        raise ValidationError({"visibility": _("Unknown visibility.")})
    if paragraph is not None and paragraph.revision_id != revision.pk:
        raise ValidationError({"paragraph": _("This paragraph is not part of this revision.")})
    if parent is not None:
        if parent.revision_id != revision.pk:
            raise ValidationError({"parent": _("A reply must be on the same revision.")})
        if not author.has_perm("consultation.view_comment", parent):
            raise ValidationError({"parent": _("Unknown comment.")})
        # A reply joins the thread: same paragraph, plain comment.
        paragraph, kind = parent.paragraph, Comment.Kind.COMMENT
    body = clean_comment_text(body, field="body", required=True)
    needs_text = kind in (Comment.Kind.AMENDMENT, Comment.Kind.ADDITION)
    proposed_text = clean_comment_text(proposed_text, field="proposed_text", required=needs_text)
    if not needs_text:
        proposed_text = ""
    if kind in (Comment.Kind.AMENDMENT, Comment.Kind.DELETION) and paragraph is None:
        raise ValidationError({"paragraph": _("Choose the paragraph this proposal concerns.")})
    language = comment_language(language)
    if (line_first is not None or line_last is not None) and parent is None:
        cited_language = comment_language(cited_language or language)
        lines = _check_cited_lines(revision, paragraph, line_first, line_last, cited_language)
    else:
        lines, cited_language = (None, None), ""
    membership = membership_of(author)
    comment = Comment.objects.create(
        revision=revision,
        paragraph=paragraph,
        parent=parent,
        author=author,
        delegation=membership.delegation if membership else None,
        kind=kind,
        body=body,
        proposed_text=proposed_text,
        visibility=visibility,
        language=language,
        line_first=lines[0],
        line_last=lines[1],
        cited_language=cited_language,
    )
    CommentEvent.objects.create(
        comment=comment,
        actor=author,
        action=CommentEvent.Action.CREATED,
        data={"body": body, "proposed_text": proposed_text},
    )
    return comment


def _check_cited_lines(revision, paragraph, first, last, language) -> tuple[int, int]:
    """The cited lines, if they are lines of the paragraph in that edition."""
    if paragraph is None:
        raise ValidationError({"line_first": _("Lines are cited within a paragraph.")})
    first = last if first is None else first
    last = first if last is None else last
    if last < first:
        raise ValidationError({"line_last": _("The last line cannot come before the first.")})
    span = paragraph_line_span(revision, paragraph, language)
    if span is None or not (span[0] <= first <= last <= span[1]):
        raise ValidationError(
            {
                "line_first": _("%(label)s has lines %(first)d–%(last)d in this edition.")
                % {"label": paragraph.label, "first": span[0], "last": span[1]}
                if span
                else _("This paragraph has no numbered line.")
            }
        )
    return first, last


def comment_language(language: str | None) -> str:
    """The language given, else the one the author is using the portal in."""
    return written_language(language)


@transaction.atomic
def comment_edit(
    *, comment: Comment, user: User, body: str, proposed_text: str = "", version: int
) -> Comment:
    """The author edits until the secretariat answers; a stale version is a conflict."""
    comment = locked_at_version(
        Comment.objects.select_related("revision__document"), pk=comment.pk, version=version
    )
    if not rules.has_perm("consultation.change_comment", user, comment):
        raise PermissionDenied(_("This comment can no longer be edited."))
    body = clean_comment_text(body, field="body", required=True)
    needs_text = comment.kind in (Comment.Kind.AMENDMENT, Comment.Kind.ADDITION)
    proposed_text = clean_comment_text(proposed_text, field="proposed_text", required=needs_text)
    CommentEvent.objects.create(
        comment=comment,
        actor=user,
        action=CommentEvent.Action.EDITED,
        data={
            "before": {"body": comment.body, "proposed_text": comment.proposed_text},
            "after": {"body": body, "proposed_text": proposed_text if needs_text else ""},
        },
    )
    comment.body = body
    comment.proposed_text = proposed_text if needs_text else ""
    comment.version += 1
    comment.save(update_fields=["body", "proposed_text", "version", "updated_at"])
    return comment


@transaction.atomic
def comment_answer(
    *, comment: Comment, user: User, status: str, response: str, language: str | None = None
) -> Comment:
    """The secretariat's status and answer. The answer's language is `language`, or the
    language of the request (the interface the answer was written in), kept as it was when
    the text is unchanged (a status set for several comments)."""
    if not user.has_perm("consultation.answer_comment", comment):
        raise PermissionDenied(_("Only the secretariat answers comments."))
    if status not in Comment.Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    response = clean_comment_text(response, field="response", required=False)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    CommentEvent.objects.create(
        comment=comment,
        actor=user,
        action=CommentEvent.Action.ANSWERED,
        data={
            "before": {"status": comment.status, "response": comment.response},
            "after": {"status": status, "response": response},
        },
    )
    comment.status = status
    if not response:
        comment.response_language = ""
    elif language or response != comment.response or not comment.response_language:
        comment.response_language = written_language(language)
    comment.response = response
    comment.responded_by = user
    comment.responded_at = timezone.now()
    comment.version += 1
    comment.save()
    return comment


@transaction.atomic
def comments_set_status(*, user: User, ids: list[int], status: str) -> int:
    """One status for several comments, each answered as comment_answer does (their
    responses kept, each change in its history). Returns how many there were."""
    comments = list(Comment.objects.filter(pk__in=ids).order_by("pk"))
    for comment in comments:
        comment_answer(comment=comment, user=user, status=status, response=comment.response)
    return len(comments)


@transaction.atomic
def comment_hide(*, comment: Comment, user: User, reason: str) -> Comment:
    """Moderation is a soft delete: the comment stays, with who hid it and why."""
    if not user.has_perm("consultation.moderate_comment", comment):
        raise PermissionDenied(_("Only the secretariat moderates comments."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the comment is hidden.")})
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.hidden_at = timezone.now()
    comment.hidden_reason = reason[:300]
    comment.version += 1
    comment.save(update_fields=["hidden_at", "hidden_reason", "version", "updated_at"])
    CommentEvent.objects.create(
        comment=comment, actor=user, action=CommentEvent.Action.HIDDEN, data={"reason": reason}
    )
    return comment


@transaction.atomic
def comment_restore(*, comment: Comment, user: User) -> Comment:
    if not user.has_perm("consultation.moderate_comment", comment):
        raise PermissionDenied(_("Only the secretariat moderates comments."))
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.hidden_at = None
    comment.hidden_reason = ""
    comment.version += 1
    comment.save(update_fields=["hidden_at", "hidden_reason", "version", "updated_at"])
    CommentEvent.objects.create(comment=comment, actor=user, action=CommentEvent.Action.RESTORED)
    return comment
