"""The index follows the texts: every save or deletion of what is indexed, and drafts'
publication (which writes in bulk, without per-row signals), rebuilds the unit concerned
once the transaction commits (search.services.index_on_commit)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from adoption.models import Adoption
from drafts.models import OutcomeDocument, Paragraph, Revision
from drafts.signals import revision_published
from initiatives.models import Initiative, Section
from programme.models import AgendaItem, Meeting

from .services import index_on_commit

SAVED_OR_DELETED = [post_save, post_delete]


def _document_units(document_id: int | None) -> None:
    if document_id is not None:
        index_on_commit(f"outcome:{document_id}", f"draft:{document_id}")


@receiver(revision_published, sender=Revision)
def revision_was_published(sender, revision, **kwargs):
    _document_units(revision.document_id)


@receiver(SAVED_OR_DELETED, sender=OutcomeDocument)
def document_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _document_units(instance.pk)


@receiver(SAVED_OR_DELETED, sender=Revision)
def revision_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _document_units(instance.document_id)


@receiver(SAVED_OR_DELETED, sender=Adoption)
def adoption_changed(sender, instance, raw=False, **kwargs):
    # The adopted text is listed under its final symbol and at its meeting.
    if not raw:
        _document_units(instance.document_id)


@receiver(SAVED_OR_DELETED, sender=Paragraph)
def paragraph_changed(sender, instance, raw=False, **kwargs):
    # Only a draft's paragraphs change (a published revision's are frozen).
    if raw:
        return
    document_id = (
        Revision.objects.filter(pk=instance.revision_id)
        .values_list("document_id", flat=True)
        .first()
    )
    if document_id is not None:
        index_on_commit(f"draft:{document_id}")


@receiver(SAVED_OR_DELETED, sender=Initiative)
def initiative_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        index_on_commit(f"initiative:{instance.pk}")


@receiver(SAVED_OR_DELETED, sender=Section)
def section_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        index_on_commit(f"initiative:{instance.initiative_id}")


@receiver(SAVED_OR_DELETED, sender=Meeting)
def meeting_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        index_on_commit(f"meeting:{instance.pk}")


@receiver(SAVED_OR_DELETED, sender=AgendaItem)
def agenda_item_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        index_on_commit(f"meeting:{instance.meeting_id}")
