"""The outcome documents as lists show them, and the revisions a person may read."""

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q

from accounts.permissions import acts_as_secretariat

from ..models import OutcomeDocument, Revision


def documents_public():
    """Outcome documents with the number of their latest published revision."""
    published = Q(revisions__state=Revision.State.PUBLISHED)
    return (
        OutcomeDocument.objects.select_related("adoption")
        .annotate(
            latest_published=Max("revisions__number", filter=published),
            published_count=Count("revisions", filter=published),
        )
        .filter(published_count__gt=0)
    )


def revisions_readable_by(user):
    """The revisions `drafts.read_revision` lets this person read, as a queryset (the rule
    itself decides one object at a time; lists need the same answer in SQL)."""

    if acts_as_secretariat(user):
        return Revision.objects.all()
    return Revision.objects.published()


def documents_readable_by(user):
    """Documents with a revision this person may read, those revisions prefetched. A document
    with nothing readable is left out altogether, so a draft's existence does not leak."""

    readable = revisions_readable_by(user)
    documents = OutcomeDocument.objects.all()
    if not acts_as_secretariat(user):
        documents = documents.filter(Exists(readable.filter(document=OuterRef("pk"))))
    return documents.prefetch_related(
        "initiatives",
        Prefetch("revisions", queryset=readable.order_by("number"), to_attr="readable_revisions"),
    )


def revision_latest_published(document: OutcomeDocument) -> Revision | None:
    return document.latest_published_revision()
