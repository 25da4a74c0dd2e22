"""A revision as the reader, the compare view, the API and the PDF give it: numbered,
labelled and broken into lines."""

import json

from django.utils import translation

from .. import editions
from ..api.paragraphs import ParagraphSerializer
from ..diff import compare_paragraphs
from ..editions import break_paragraphs, number_paragraphs
from ..models import Paragraph, Revision


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


def revision_compare(old: Revision, new: Revision):

    return compare_paragraphs(paragraphs_numbered(old), paragraphs_numbered(new))
