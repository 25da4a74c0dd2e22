"""What a revision's PDF prints: its context, its HTML, and digests of both."""

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from adoption.selectors import document_final
from drafts.models import OutcomeDocument, Revision
from drafts.selectors import paragraphs_numbered
from typesetting import lines

TEMPLATE_NAME = "pdf/revision.html"
# Everything that shapes the output besides the revision itself; the template version is
# their digest, so editing the layout can never serve a stale cached PDF.
_LAYOUT_TEMPLATES = ["pdf/base.html", TEMPLATE_NAME]
_LAYOUT_STATIC = ["pdf/pdf.css"]


@cache
def template_version() -> str:
    digest = hashlib.sha256()
    for name in _LAYOUT_TEMPLATES:
        digest.update(Path(get_template(name).origin.name).read_bytes())
    for name in _LAYOUT_STATIC:
        digest.update(Path(finders.find(name)).read_bytes())
    digest.update(lines.version().encode())
    return digest.hexdigest()[:16]


def language_name(language: str) -> str:
    return translation.get_language_info(language)["name_local"]


def revision_context(revision: Revision, language: str) -> dict[str, Any]:
    """The template context, in `language` (paragraph texts follow the active language)."""
    context = _frame(revision, language)
    with translation.override(language):
        context["paragraphs"] = paragraphs_numbered(revision)
    return context


def _frame(revision: Revision, language: str) -> dict[str, Any]:
    """Everything the PDF prints around the paragraphs."""
    with translation.override(language):
        document = revision.document
        date = timezone.localdate(revision.published_at or timezone.now())
        # The adopted revision prints as the final document: its symbol, the meeting, the
        # sponsors and the statements annexed, and no DRAFT across its pages.
        adopted = document.status == OutcomeDocument.Status.ADOPTED  # no query for a draft
        final = document_final(document) if adopted and hasattr(revision, "adoption") else None
        return {
            "final": final,
            "document": document,
            "summit": document.summit,
            "revision": revision,
            "language": language,
            "language_name": language_name(language),
            "date": date,
            "watermark": final is None,
            "font_family": lines.FONT_FAMILY,
        }


def source_digest(revision: Revision, language: str) -> str:
    """A digest of everything the PDF prints; equal digests give the same PDF.

    A published revision's paragraphs never change (the database refuses it), and its lines
    are those of its edition for the current typesetting settings, so they are named rather
    than typeset again: finding the stored PDF of a page costs no line breaking."""
    context = _frame(revision, language)
    document = context["document"]
    with translation.override(language):
        if revision.is_published:
            paragraphs = ["edition", revision.pk, lines.version()]
        else:
            paragraphs = [(p.kind, p.number, p.lines) for p in paragraphs_numbered(revision)]
        printed = [
            str(context["summit"].name),
            str(document.title),
            document.symbol,
            revision.number,
            revision.state,
            context["date"].isoformat(),
            context["watermark"],
            paragraphs,
            context["final"] and context["final"].printed(),
        ]
    return hashlib.sha256(json.dumps(printed, default=str).encode()).hexdigest()


def revision_html(context: dict[str, Any]) -> str:
    with translation.override(context["language"]):
        return render_to_string(TEMPLATE_NAME, context)


def pdf_filename(revision: Revision, language: str) -> str:
    symbol = revision.document.symbol.replace("/", "_")
    return f"{symbol}_Rev.{revision.number}_{language}.pdf"


def available_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
