"""Revisions: the first one, publishing (which freezes it and opens the next draft), the consultation's status and deadline."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from accounts.models import User
from portal.languages import localized_names
from portal.tasks import after_commit

from ..editions import editions_for
from ..models import (
    Edition,
    OutcomeDocument,
    Paragraph,
    Revision,
    RevisionFrozen,
)
from ..signals import revision_published


def revision_create_first(*, document: OutcomeDocument) -> Revision:
    return Revision.objects.create(document=document, number=1)


@transaction.atomic
def revision_publish(
    *,
    revision: Revision,
    user: User,
    **summaries: str,
) -> Revision:
    """Freeze the draft as the next published revision, typeset it in every language (its
    editions), and open a new draft as its copy.

    The copy keeps every paragraph's key, so comments and diffs follow a paragraph
    from one revision to the next. The apps above are told (`drafts.signals.revision_published`)
    once the transaction has committed.
    `summaries` are the change summary in each language, by column (`summary_en=…`).
    """
    summary_columns = localized_names("summary")
    unknown = set(summaries) - set(summary_columns)
    if unknown:
        raise TypeError(f"revision_publish() got unexpected keyword arguments {sorted(unknown)}")
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.is_published:
        raise RevisionFrozen(revision)
    revision.state = Revision.State.PUBLISHED
    revision.published_at = timezone.now()
    revision.published_by = user
    for column in summary_columns:
        setattr(revision, column, summaries.get(column, ""))
    # An UPDATE, not save() (which refuses to touch a published revision), with its entry in
    # the document's history.
    bulk_update_with_history(
        [revision],
        Revision,
        ["state", "published_at", "published_by", *summary_columns],
        default_user=user,
    )
    revision.refresh_from_db()
    Edition.objects.bulk_create(editions_for(revision))
    text_columns = localized_names("text")
    next_draft = Revision.objects.create(document=revision.document, number=revision.number + 1)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=next_draft,
            key=paragraph.key,
            position=paragraph.position,
            kind=paragraph.kind,
            **{column: getattr(paragraph, column) for column in text_columns},
            negotiation=paragraph.negotiation,
            bracketed_by_id=paragraph.bracketed_by_id,
        )
        for paragraph in revision.paragraphs.all()
    )
    after_commit(revision_published.send, sender=Revision, revision=revision)
    return revision


DOCUMENT_TRANSITIONS = {
    OutcomeDocument.Status.DRAFTING: {OutcomeDocument.Status.CONSULTATION},
    OutcomeDocument.Status.CONSULTATION: {OutcomeDocument.Status.CLOSED},
    # A closed consultation may be reopened (a deadline extended) until adoption.
    # Adoption is recorded with its meeting and date (adoption.services), not as a status.
    OutcomeDocument.Status.CLOSED: {OutcomeDocument.Status.CONSULTATION},
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
    if status == OutcomeDocument.Status.CONSULTATION and not document.is_published:
        raise ValidationError({"status": _("Publish a revision before opening consultation.")})
    if comment_deadline is not None and timezone.is_naive(comment_deadline):
        raise ValidationError({"comment_deadline": _("The deadline needs a time zone.")})
    document.status = status
    document.comment_deadline = comment_deadline
    document._history_user = user
    document.save(update_fields=["status", "comment_deadline", "updated_at"])
    return document
