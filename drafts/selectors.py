from django.db.models import Count, Max, Q

from .lines import paragraph_lines
from .models import OutcomeDocument, Paragraph, Revision


def documents_public():
    """Outcome documents with the number of their latest published revision."""
    return OutcomeDocument.objects.annotate(
        latest_published=Max("revisions__number", filter=Q(revisions__state="published")),
        published_count=Count("revisions", filter=Q(revisions__state="published")),
    ).filter(published_count__gt=0)


def paragraphs_numbered(revision: Revision) -> list[Paragraph]:
    """The revision's paragraphs in order, operative ones numbered 1., 2., … as in UN texts.

    Each paragraph also gets `lines`: (line number, text) pairs in the active language,
    numbered continuously across the revision. The reader and the PDF both draw these, so
    their line numbers agree (see drafts/lines.py).
    """
    paragraphs = list(revision.paragraphs.order_by("position", "id").select_related("bracketed_by"))
    number = 0
    line_number = 0
    for paragraph in paragraphs:
        if paragraph.kind == Paragraph.Kind.OPERATIVE:
            number += 1
            paragraph.number = number
        else:
            paragraph.number = None
        paragraph.lines = []
        for text in paragraph_lines(paragraph):
            line_number += 1
            paragraph.lines.append((line_number, text))
    return paragraphs
