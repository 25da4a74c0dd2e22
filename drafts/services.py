import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.permissions import membership_of
from portal.concurrency import locked_at_version
from portal.mail import mail_render, mail_send
from portal.tasks import after_commit

from .models import (
    COMMENT_MAX_LENGTH,
    PARAGRAPH_MAX_LENGTH,
    Comment,
    CommentEvent,
    OutcomeDocument,
    Paragraph,
    Position,
    Revision,
    RevisionFrozen,
)
from .tasks import notify_revision_published


def revision_create_first(*, document: OutcomeDocument) -> Revision:
    return Revision.objects.create(document=document, number=1)


@transaction.atomic
def revision_publish(
    *,
    revision: Revision,
    user: User,
    summary_ru: str = "",
    summary_en: str = "",
    base_url: str = "",
) -> Revision:
    """Freeze the draft as the next published revision and open a new draft as its copy.

    The copy keeps every paragraph's key, so comments and diffs follow a paragraph
    from one revision to the next. The delegates are told by e-mail once the
    transaction has committed (`base_url` makes the links in the e-mail absolute).
    """
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.is_published:
        raise RevisionFrozen(revision)
    Revision.objects.filter(pk=revision.pk).update(
        state=Revision.State.PUBLISHED,
        published_at=timezone.now(),
        published_by=user,
        summary_ru=summary_ru,
        summary_en=summary_en,
    )
    revision.refresh_from_db()
    next_draft = Revision.objects.create(document=revision.document, number=revision.number + 1)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=next_draft,
            key=paragraph.key,
            position=paragraph.position,
            kind=paragraph.kind,
            text_ru=paragraph.text_ru,
            text_en=paragraph.text_en,
            negotiation=paragraph.negotiation,
            bracketed_by_id=paragraph.bracketed_by_id,
        )
        for paragraph in revision.paragraphs.all()
    )
    revision_notify_on_commit(revision=revision, base_url=base_url)
    return revision


def revision_notify_on_commit(*, revision: Revision, base_url: str = "") -> None:
    """Queue the delegates' e-mail once the publication is committed. A broker outage must
    not turn a successful publication into an error page: the revision then keeps
    notified_at empty and the document page offers to notify again."""
    after_commit(notify_revision_published.delay, revision.pk, base_url)


def clean_comment_text(text: str | None, *, field: str, required: bool) -> str:
    """Comments are plain text: templates escape them, so HTML stays inert. NUL and other
    control characters are refused here because PostgreSQL cannot store NUL at all."""
    text = (text or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {field: _("At most %(max)d characters, please.") % {"max": COMMENT_MAX_LENGTH}}
        )
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise ValidationError({field: _("The text contains control characters.")})
    return text


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
) -> Comment:
    # rules.has_perm, not user.has_perm: these are rules of the consultation that no
    # superuser bypasses (only published revisions, while open; only the author edits).
    if not rules.has_perm("drafts.comment_revision", author, revision):
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
        if not author.has_perm("drafts.view_comment", parent):
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
        language=_comment_language(language),
    )
    CommentEvent.objects.create(
        comment=comment,
        actor=author,
        action=CommentEvent.Action.CREATED,
        data={"body": body, "proposed_text": proposed_text},
    )
    return comment


def _comment_language(language: str | None) -> str:
    """The language given, else the one the author is using the portal in."""
    codes = [code for code, _name in settings.LANGUAGES]
    language = (language or translation.get_language() or "").split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE


@transaction.atomic
def comment_edit(
    *, comment: Comment, user: User, body: str, proposed_text: str = "", version: int
) -> Comment:
    """The author edits until the secretariat answers; a stale version is a conflict."""
    comment = locked_at_version(
        Comment.objects.select_related("revision__document"), pk=comment.pk, version=version
    )
    if not rules.has_perm("drafts.change_comment", user, comment):
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
def comment_answer(*, comment: Comment, user: User, status: str, response: str) -> Comment:
    if not user.has_perm("drafts.answer_comment", comment):
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
    comment.response = response
    comment.responded_by = user
    comment.responded_at = timezone.now()
    comment.version += 1
    comment.save()
    return comment


@transaction.atomic
def comment_hide(*, comment: Comment, user: User, reason: str) -> Comment:
    """Moderation is a soft delete: the comment stays, with who hid it and why."""
    if not user.has_perm("drafts.moderate_comment", comment):
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
    if not user.has_perm("drafts.moderate_comment", comment):
        raise PermissionDenied(_("Only the secretariat moderates comments."))
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.hidden_at = None
    comment.hidden_reason = ""
    comment.version += 1
    comment.save(update_fields=["hidden_at", "hidden_reason", "version", "updated_at"])
    CommentEvent.objects.create(comment=comment, actor=user, action=CommentEvent.Action.RESTORED)
    return comment


# --- The secretariat's draft editor -------------------------------------------------------


def clean_paragraph_texts(text_ru: str | None, text_en: str | None) -> tuple[str, str]:
    """Paragraph text is plain text in both languages (templates escape it); one language
    may wait for the translators, but a paragraph with no text at all is a mistake."""
    texts = []
    for field, text in (("text_ru", text_ru), ("text_en", text_en)):
        text = " ".join((text or "").split())  # a paragraph is one block: no stray line breaks
        if len(text) > PARAGRAPH_MAX_LENGTH:
            raise ValidationError(
                {field: _("At most %(max)d characters, please.") % {"max": PARAGRAPH_MAX_LENGTH}}
            )
        texts.append(text)
    if not any(texts):
        raise ValidationError({"text_ru": _("Write the paragraph in at least one language.")})
    return texts[0], texts[1]


def _draft_for_update(revision: Revision) -> Revision:
    """Lock the draft: structural edits (add, delete, move) renumber positions, and two of
    them at once would interleave their numbering."""
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.is_published:
        raise RevisionFrozen(revision)
    return revision


def _renumber(revision: Revision, ordered: list[Paragraph]) -> None:
    for position, paragraph in enumerate(ordered, start=1):
        paragraph.position = position
    # bulk_update bypasses Paragraph.save, so the caller has checked the revision is a draft.
    Paragraph.objects.bulk_update(ordered, ["position"])


def _check_editor(user: User, revision: Revision) -> None:
    if not user.has_perm("drafts.edit_draft", revision):
        raise PermissionDenied(_("Only the secretariat edits drafts."))


@transaction.atomic
def paragraph_add(
    *,
    revision: Revision,
    user: User,
    kind: str,
    text_ru: str = "",
    text_en: str = "",
    after: Paragraph | None = None,
) -> Paragraph:
    """Add a paragraph after `after`, or at the end of the draft."""
    _check_editor(user, revision)
    revision = _draft_for_update(revision)
    if kind not in Paragraph.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of paragraph.")})
    if after is not None and after.revision_id != revision.pk:
        raise ValidationError({"after": _("This paragraph is not part of this draft.")})
    text_ru, text_en = clean_paragraph_texts(text_ru, text_en)
    ordered = list(revision.paragraphs.order_by("position", "id"))
    paragraph = Paragraph.objects.create(
        revision=revision,
        position=len(ordered) + 1,
        kind=kind,
        text_ru=text_ru,
        text_en=text_en,
    )
    index = len(ordered)
    if after is not None:
        index = next(i for i, p in enumerate(ordered) if p.pk == after.pk) + 1
    ordered.insert(index, paragraph)
    _renumber(revision, ordered)
    return paragraph


@transaction.atomic
def paragraph_update(
    *,
    paragraph: Paragraph,
    user: User,
    version: int,
    kind: str,
    text_ru: str = "",
    text_en: str = "",
    negotiation: str | None = None,
    bracketed_by=None,
) -> Paragraph:
    """Save an edit made on the paragraph as it was at `version`. If somebody saved it in
    the meantime, EditConflict carries their text and nothing is written."""
    _check_editor(user, paragraph.revision)
    current = locked_at_version(
        Paragraph.objects.select_related("revision"), pk=paragraph.pk, version=version
    )
    if current.revision.is_published:
        raise RevisionFrozen(current.revision)
    if kind not in Paragraph.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of paragraph.")})
    text_ru, text_en = clean_paragraph_texts(text_ru, text_en)
    if negotiation is not None:
        if negotiation not in Paragraph.Negotiation.values:
            raise ValidationError({"negotiation": _("Unknown negotiation status.")})
        if negotiation == Paragraph.Negotiation.BRACKETED and bracketed_by is None:
            raise ValidationError(
                {"bracketed_by": _("Name the delegation that asked for the brackets.")}
            )
        current.negotiation = negotiation
        current.bracketed_by = (
            bracketed_by if negotiation == Paragraph.Negotiation.BRACKETED else None
        )
    current.kind = kind
    current.text_ru = text_ru
    current.text_en = text_en
    current.version += 1
    current.save()
    return current


@transaction.atomic
def paragraph_delete(*, paragraph: Paragraph, user: User, version: int) -> None:
    """Delete a paragraph of the draft; deleting a paragraph somebody has just changed is a
    conflict too, so that their change is seen before it disappears."""
    _check_editor(user, paragraph.revision)
    revision = _draft_for_update(paragraph.revision)
    try:
        current = locked_at_version(
            Paragraph.objects.filter(revision=revision), pk=paragraph.pk, version=version
        )
    except Paragraph.DoesNotExist:
        return  # already deleted by somebody else: the wish is fulfilled
    current.delete()
    _renumber(revision, list(revision.paragraphs.order_by("position", "id")))


@transaction.atomic
def paragraph_move(*, paragraph: Paragraph, user: User, direction: str) -> Paragraph:
    """Swap the paragraph with its neighbour. Moving does not change the text, so it does not
    bump the version: an editor busy with the text gets no spurious conflict."""
    _check_editor(user, paragraph.revision)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Move up or down.")})
    revision = _draft_for_update(paragraph.revision)
    ordered = list(revision.paragraphs.order_by("position", "id"))
    index = next((i for i, p in enumerate(ordered) if p.pk == paragraph.pk), None)
    if index is None:
        raise ValidationError({"paragraph": _("This paragraph is not part of this draft.")})
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    _renumber(revision, ordered)
    return ordered[other] if 0 <= other < len(ordered) else ordered[index]


# --- The document's status and deadline -----------------------------------------------------

DOCUMENT_TRANSITIONS = {
    OutcomeDocument.Status.DRAFTING: {OutcomeDocument.Status.CONSULTATION},
    OutcomeDocument.Status.CONSULTATION: {OutcomeDocument.Status.CLOSED},
    # A closed consultation may be reopened (a deadline extended) until adoption.
    OutcomeDocument.Status.CLOSED: {
        OutcomeDocument.Status.CONSULTATION,
        OutcomeDocument.Status.ADOPTED,
    },
    OutcomeDocument.Status.ADOPTED: set(),
}


@transaction.atomic
def document_update_consultation(
    *, document: OutcomeDocument, user: User, status: str, comment_deadline
) -> OutcomeDocument:
    if not user.has_perm("drafts.change_document", document):
        raise PermissionDenied(_("Only the secretariat changes a document's status."))
    document = OutcomeDocument.objects.select_for_update().get(pk=document.pk)
    if status != document.status and status not in DOCUMENT_TRANSITIONS.get(document.status, ()):
        raise ValidationError(
            {
                "status": _("A document cannot go from “%(old)s” to “%(new)s”.")
                % {
                    "old": document.get_status_display(),
                    "new": OutcomeDocument.Status(status).label
                    if status in OutcomeDocument.Status.values
                    else status,
                }
            }
        )
    if (
        status == OutcomeDocument.Status.CONSULTATION
        and not document.revisions.filter(state=Revision.State.PUBLISHED).exists()
    ):
        raise ValidationError({"status": _("Publish a revision before opening consultation.")})
    if comment_deadline is not None and timezone.is_naive(comment_deadline):
        raise ValidationError({"comment_deadline": _("The deadline needs a time zone.")})
    document.status = status
    document.comment_deadline = comment_deadline
    document.save(update_fields=["status", "comment_deadline", "updated_at"])
    return document


# --- Notification ---------------------------------------------------------------------------


def revision_notify_delegates(*, revision: Revision, base_url: str = "") -> int:
    """E-mail every active delegate about a newly published revision, each in their own
    language. Returns the number of e-mails sent; a revision is announced only once."""
    if revision.notified_at is not None or not revision.is_published:
        return 0
    recipients = User.objects.filter(is_active=True, membership__isnull=False).exclude(email="")
    mails = []
    for recipient in recipients:
        with translation.override(recipient.language):  # the link in their language too
            path = reverse("revision_detail", args=[revision.document.slug, revision.number])
        context = {
            "revision": revision,
            "document": revision.document,
            "recipient": recipient,
            "url": base_url.rstrip("/") + path,
        }
        mails.append(
            mail_render(
                template_prefix="drafts/email/revision_published",
                to=recipient.email,
                context=context,
                language=recipient.language,
            )
        )
    sent = mail_send(*mails)
    Revision.objects.filter(pk=revision.pk).update(notified_at=timezone.now(), notify_error="")
    return sent


# --- Official positions ---------------------------------------------------------------------

POSITION_REASON_MAX_LENGTH = 500


@transaction.atomic
def position_record(*, paragraph: Paragraph, user: User, stance: str, reason: str = "") -> Position:
    """Record (or change) the user's delegation's position on a paragraph."""
    membership = membership_of(user)
    # has_perm is always true for a superuser, who may belong to no delegation.
    if membership is None or not user.has_perm("drafts.record_position", paragraph):
        raise PermissionDenied(_("Only a head of delegation records official positions."))
    if stance not in Position.Stance.values:
        raise ValidationError({"stance": _("Choose support, reservation or objection.")})
    reason = clean_comment_text(reason, field="reason", required=False)
    if len(reason) > POSITION_REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("At most %(max)d characters, please.") % {"max": 500}})
    if stance != Position.Stance.SUPPORT and not reason:
        raise ValidationError({"reason": _("Give a short reason for a reservation or objection.")})
    position, _created = Position.objects.update_or_create(
        paragraph=paragraph,
        delegation=membership.delegation,
        defaults={"stance": stance, "reason": reason, "updated_by": user},
    )
    return position
