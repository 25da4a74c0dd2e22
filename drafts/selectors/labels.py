"""Paragraphs by their labels (OP3, ПП2…): the lists of comments, triage's filter and the
statements name paragraphs so."""

import re

from django.conf import settings
from django.utils import translation

from ..models import LABEL_CODES, Paragraph, paragraph_label


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
