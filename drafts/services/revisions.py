"""Revisions: the first one, publishing (which freezes it and opens the next draft), the consultation's status and deadline."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import (
    OutcomeDocument,
    Paragraph,
    Revision,
    RevisionFrozen,
)
from .notifications import revision_notify_on_commit


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
