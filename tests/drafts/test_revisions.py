import pytest
from django.db import IntegrityError, connection, transaction

from drafts.models import Paragraph, Revision, RevisionFrozen
from drafts.selectors import paragraphs_numbered
from drafts.services import revision_publish
from tests.factories import RevisionFactory


def test_published_revision_cannot_change(published_revision):
    published_revision.summary_en = "rewritten"
    with pytest.raises(RevisionFrozen):
        published_revision.save()


def test_paragraph_of_published_revision_cannot_change(published_revision):
    paragraph = published_revision.paragraphs.first()
    paragraph.text_en = "rewritten"
    with pytest.raises(RevisionFrozen):
        paragraph.save()
    with pytest.raises(RevisionFrozen):
        paragraph.delete()
    with pytest.raises(RevisionFrozen):
        Paragraph.objects.create(revision=published_revision, position=99, kind="operative")


def test_published_revision_cannot_be_deleted(published_revision):
    with pytest.raises(RevisionFrozen):
        published_revision.delete()


def test_publishing_twice_is_refused(published_revision, secretariat):
    with pytest.raises(RevisionFrozen):
        revision_publish(revision=published_revision, user=secretariat)


def test_publishing_records_who_and_when_and_opens_the_next_draft(draft_revision, secretariat):
    published = revision_publish(revision=draft_revision, user=secretariat, summary_en="Round 1")

    assert published.is_published
    assert published.published_by == secretariat
    assert published.published_at is not None
    assert published.summary_en == "Round 1"
    next_draft = Revision.objects.get(document=published.document, number=2)
    assert next_draft.state == Revision.State.DRAFT


def test_paragraph_keys_stay_stable_across_a_new_revision(published_revision):
    next_draft = published_revision.document.revisions.get(number=2)

    old = list(published_revision.paragraphs.values_list("key", "position", "text_en"))
    new = list(next_draft.paragraphs.values_list("key", "position", "text_en"))

    assert old == new
    assert len({key for key, *_ in old}) == len(old)


def test_a_document_has_at_most_one_draft(draft_revision):
    with pytest.raises(IntegrityError):
        RevisionFactory(document=draft_revision.document, number=2)


def test_operative_paragraphs_are_numbered_and_others_are_not(draft_revision):
    numbers = [(p.kind, p.number) for p in paragraphs_numbered(draft_revision)]

    assert numbers == [
        ("heading", None),
        ("preambular", None),
        ("operative", 1),
        ("operative", 2),
        ("operative", 3),
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database-level guard is PostgreSQL's"
)
def test_the_database_refuses_a_bulk_update_of_a_published_revision(published_revision):
    with pytest.raises(IntegrityError), transaction.atomic():
        Paragraph.objects.filter(revision=published_revision).update(text_en="rewritten")
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.filter(pk=published_revision.pk).update(summary_en="rewritten")

    # The notification bookkeeping of a published revision may still be recorded.
    Revision.objects.filter(pk=published_revision.pk).update(notify_error="SMTP down")
    assert published_revision.paragraphs.filter(text_en="rewritten").count() == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database-level guard is PostgreSQL's"
)
def test_the_database_refuses_to_rewrite_or_drop_a_published_revisions_editions(
    published_revision,
):
    from drafts.models import Edition

    editions = Edition.objects.filter(revision=published_revision)
    with pytest.raises(IntegrityError), transaction.atomic():
        editions.update(paragraphs="[]")
    with pytest.raises(IntegrityError), transaction.atomic():
        editions.delete()

    assert editions.count() == 2 and "[]" not in editions.values_list("paragraphs", flat=True)


def test_an_edition_is_not_changed_through_the_model_either(published_revision):
    from drafts.models import RevisionFrozen

    edition = published_revision.editions.first()
    edition.paragraphs = "[]"
    with pytest.raises(RevisionFrozen):
        edition.save()
    with pytest.raises(RevisionFrozen):
        edition.delete()
