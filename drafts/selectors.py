from django.db.models import Count, Max, Q

from .models import OutcomeDocument, Paragraph, Revision


def documents_public():
    """Outcome documents with the number of their latest published revision."""
    return OutcomeDocument.objects.annotate(
        latest_published=Max("revisions__number", filter=Q(revisions__state="published")),
        published_count=Count("revisions", filter=Q(revisions__state="published")),
    ).filter(published_count__gt=0)


def paragraphs_numbered(revision: Revision) -> list[Paragraph]:
    """The revision's paragraphs in order, operative ones numbered 1., 2., … as in UN texts."""
    paragraphs = list(revision.paragraphs.order_by("position", "id").select_related("bracketed_by"))
    number = 0
    for paragraph in paragraphs:
        if paragraph.kind == Paragraph.Kind.OPERATIVE:
            number += 1
            paragraph.number = number
        else:
            paragraph.number = None
    return paragraphs
