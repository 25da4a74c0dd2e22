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
from register.models import Document, LanguageVersion
from register.signals import document_issued, text_extracted, version_added

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


def _register_line(document: Document) -> None:
    """The document and the others of its line: a revision supersedes the documents it
    follows, whose entries say so."""
    root = document.revises_id or document.pk
    ids = {document.pk, root, *(document.adds_to_id, document.corrects_id)}
    ids |= set(Document.objects.filter(revises_id=root).values_list("pk", flat=True))
    index_on_commit(*(f"register:{pk}" for pk in ids if pk))


@receiver(document_issued, sender=Document)
def register_document_issued(sender, document, **kwargs):
    _register_line(document)


@receiver(version_added, sender=LanguageVersion)
@receiver(text_extracted, sender=LanguageVersion)
def register_version_changed(sender, version, **kwargs):
    index_on_commit(f"register:{version.document_id}")


@receiver(SAVED_OR_DELETED, sender=Document)
def register_document_changed(sender, instance, raw=False, **kwargs):
    # Issuing sends document_issued; this catches an edit or a deletion (the admin).
    if not raw:
        index_on_commit(f"register:{instance.pk}")


@receiver(post_delete, sender=LanguageVersion)
def register_version_deleted(sender, instance, **kwargs):
    index_on_commit(f"register:{instance.document_id}")
