from django.db import transaction
from django.utils import timezone

from accounts.models import User

from .models import OutcomeDocument, Paragraph, Revision, RevisionFrozen


def revision_create_first(*, document: OutcomeDocument) -> Revision:
    return Revision.objects.create(document=document, number=1)


@transaction.atomic
def revision_publish(
    *, revision: Revision, user: User, summary_ru: str = "", summary_en: str = ""
) -> Revision:
    """Freeze the draft as the next published revision and open a new draft as its copy.

    The copy keeps every paragraph's key, so comments and diffs follow a paragraph
    from one revision to the next.
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
    return revision
