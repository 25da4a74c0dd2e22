"""A revision's paragraphs as they are printed: numbered, labelled and broken into lines.

A draft is typeset on every request, since it changes. A published revision never changes,
so it is typeset once per language when it is published (`editions_for`, called by
services.revision_publish) and read back from models.Edition (`stored`): the reader and the
PDF take the line breaks from there, the API the paragraphs as it gives them.
"""

import json
from functools import lru_cache

from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import translation
from modeltranslation.utils import get_language

from typesetting import lines

from .api.paragraphs import ParagraphSerializer
from .models import Edition, Paragraph, Revision


def paragraphs_in_order(revision: Revision):
    """The revision's paragraphs in reading order, labelled (ParagraphQuerySet.labelled)."""
    return revision.paragraphs.labelled().order_by("position", "id")


def number_paragraphs(paragraphs: list[Paragraph]) -> None:
    """Operative paragraphs numbered 1., 2., … as in UN texts: the number is the label's
    ordinal, so the paragraphs come labelled (`paragraphs_in_order`)."""
    for paragraph in paragraphs:
        paragraph.number = paragraph.ordinal if paragraph.kind == Paragraph.Kind.OPERATIVE else None


def break_paragraphs(paragraphs: list[Paragraph], breaks: list[list[str]] | None = None) -> None:
    """Give each paragraph `lines`, (line number, text) pairs numbered continuously across
    the revision, from stored `breaks` or else from the line breaker in the active language."""
    if breaks is None:
        breaks = [lines.paragraph_lines(paragraph) for paragraph in paragraphs]
    line_number = 0
    for paragraph, texts in zip(paragraphs, breaks, strict=True):
        paragraph.lines = [(line_number + index, text) for index, text in enumerate(texts, 1)]
        line_number += len(texts)


def json_text(data) -> str:
    """JSON as DRF's JSONRenderer writes it (compact, UTF-8 text), for data of plain types."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def editions_for(revision: Revision) -> list[Edition]:
    """The revision typeset in every language, unsaved (the publishing transaction saves them)."""
    paragraphs = list(paragraphs_in_order(revision))
    number_paragraphs(paragraphs)
    editions = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            break_paragraphs(paragraphs)
            editions.append(
                Edition(
                    revision=revision,
                    language=language,
                    typesetting=lines.version(),
                    paragraphs=json_text(ParagraphSerializer(paragraphs, many=True).data),
                    breaks=[[text for _number, text in p.lines] for p in paragraphs],
                )
            )
    return editions


def stored(revision: Revision, field: str):
    """`paragraphs` (JSON text) or `breaks` of the revision's edition in the active language; None for a
    draft (the caller typesets it live). A revision published before editions existed, or
    typeset with other settings, is typeset now, once: the next read finds it stored."""
    if not revision.is_published:
        return None
    language = get_language()
    loaded = revision.__dict__.setdefault("_editions", {})  # a page may ask twice
    annotated = revision.__dict__.get(f"stored_{field}")  # read with it (revision_with_stored)
    if annotated is not None and (field, language) not in loaded:
        loaded[(field, language)] = annotated
    if (field, language) not in loaded:
        value = (
            Edition.objects.filter(
                revision=revision, language=language, typesetting=lines.version()
            )
            .values_list(field, flat=True)
            .first()
        )
        if value is None:
            made = editions_for(revision)
            # Two first readers at once both typeset it; the second one's rows are not needed.
            Edition.objects.bulk_create(made, ignore_conflicts=True)
            value = next(getattr(e, field) for e in made if e.language == language)
        loaded[(field, language)] = value
    return loaded[(field, language)]


def revision_with_stored(document_id: int, number: int, field: str) -> Revision | None:
    """Revision `number` of the document, read with its edition's `field` in the active
    language, so that `stored` makes no query of its own: a published revision's API answer
    is one query."""
    found = _with_stored(field, get_language(), lines.version()).filter(
        document_id=document_id, number=number
    )
    return next(iter(found[:1]), None)  # one at most (unique): no ORDER BY to build


@lru_cache(maxsize=16)  # a field, a language and a typesetting version each
def _with_stored(field: str, language: str, typesetting: str) -> QuerySet:
    # Built once and narrowed by each request (building the subquery cost more than running
    # it); a QuerySet is never changed by narrowing it, and this one is never evaluated. A
    # plain QuerySet: modeltranslation's manager would rewrite the lookups, for nothing.
    edition = Edition.objects.filter(
        revision=OuterRef("pk"), language=language, typesetting=typesetting
    )
    return (
        QuerySet(Revision)
        .order_by()
        .annotate(**{f"stored_{field}": Subquery(edition.values(field)[:1])})
    )
