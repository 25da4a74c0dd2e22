import json
import re

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q
from django.utils import translation

from accounts.permissions import acts_as_secretariat

from . import editions
from .api.paragraphs import ParagraphSerializer
from .diff import compare_paragraphs
from .editions import break_paragraphs, number_paragraphs
from .models import (
    LABEL_CODES,
    OutcomeDocument,
    Paragraph,
    Revision,
    paragraph_label,
)


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


def paragraphs_numbered(revision: Revision) -> list[Paragraph]:
    """The revision's paragraphs in order, operative ones numbered 1., 2., … as in UN texts.

    Each paragraph also gets `lines`: (line number, text) pairs in the active language,
    numbered continuously across the revision. The reader and the PDF both draw these, so
    their line numbers agree (see typesetting/lines.py); a published revision's come from
    its edition, typeset when it was published (drafts/editions.py).
    """
    paragraphs = list(editions.paragraphs_in_order(revision).select_related("bracketed_by"))
    number_paragraphs(paragraphs)
    break_paragraphs(paragraphs, editions.stored(revision, "breaks"))
    return paragraphs


def paragraphs_data(revision: Revision) -> list[dict]:
    """The revision's paragraphs as the API gives them, in the active language: stored with
    a published revision, typeset live for a draft."""
    stored = editions.stored(revision, "paragraphs")
    if stored is not None:
        return json.loads(stored)
    return ParagraphSerializer(paragraphs_numbered(revision), many=True).data


def paragraph_line_span(revision: Revision, paragraph: Paragraph, language: str):
    """(first, last) line of the paragraph in that language edition, or None."""
    with translation.override(language):
        for numbered in paragraphs_numbered(revision):
            if numbered.pk == paragraph.pk and numbered.lines:
                return numbered.lines[0][0], numbered.lines[-1][0]
    return None


def paragraphs_labelled(paragraphs) -> None:
    """Give each paragraph its ordinal (and so its label) with one query for all of them,
    whatever revisions they belong to: the lists of comments name paragraphs by label."""
    paragraphs = [p for p in paragraphs if p is not None]
    revisions = {p.revision_id for p in paragraphs}
    if not revisions:
        return
    ordinals = dict(
        Paragraph.objects.filter(revision_id__in=revisions).labelled().values_list("id", "ordinal")
    )
    for paragraph in paragraphs:
        paragraph.ordinal = ordinals[paragraph.pk]


def paragraphs_with_label(label: str):
    """The paragraphs, in any revision, that carry `label` (OP3, ОП3, pp 2…); none for a
    text that is not a label."""
    parsed = parse_label(label)
    if parsed is None:
        return Paragraph.objects.none()
    return Paragraph.objects.with_label(*parsed)


def parse_label(text: str) -> tuple[str, int] | None:
    """(kind, ordinal) of a label as people type it, in either language; None otherwise."""
    match = re.fullmatch(r"\s*([^\d\s]+)\s*(\d{1,6})\s*", text or "")
    if not match:
        return None
    prefix = match.group(1).upper()
    for kind in Paragraph.Kind.values:
        spellings = {LABEL_CODES[kind]}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                spellings.add(paragraph_label(kind, 1)[:-1].upper())
        if prefix in spellings:
            return kind, int(match.group(2))
    return None


def revision_compare(old: Revision, new: Revision):

    return compare_paragraphs(paragraphs_numbered(old), paragraphs_numbered(new))


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
