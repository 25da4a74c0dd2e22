"""Line breaking done once, in Python, so the web reader and the PDF number the same lines.

WeasyPrint has no per-line counter, and a browser breaks lines wherever its own fonts and
window width take it, so neither renderer may choose the breaks. Here every paragraph is cut
into lines using the real advance widths of the font the PDF embeds (Liberation Serif, read
with fontTools from the TTF files shipped in static/fonts/) at a fixed measure given in em. Both renderers
then draw each line as its own block with `white-space: nowrap` on a fixed line-height grid,
so "line 12" is the same words in the reader and in the PDF, whatever the zoom or device.

Liberation Serif is metric-compatible with Times New Roman, so a browser without it still
draws every line at (nearly) the same width; the numbering never depends on that anyway.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from fontTools.ttLib import TTFont

# The fonts ship with the project (SIL OFL, licence beside them): the line breaker, WeasyPrint
# and the browser (@font-face) use these very files, so a machine without the system's font
# package breaks the same lines. A missing file is a failed system check at start-up
# (summit.checks), never an error at request time.
FONT_DIR = Path(__file__).resolve().parents[1] / "static" / "fonts" / "liberation-serif"
FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "bold-italic": "LiberationSerif-BoldItalic.ttf",
}
FONT_FAMILY = "Liberation Serif"

# The text measure in em of the body font, after the paragraph indent. The PDF page and the
# reader's column are both derived from these numbers (see templates/pdf/revision.html and
# the .lined rules in static/css/portal.css); change them together with the template version.
MEASURE_EM = 38.0
INDENT_EM = 3.0
# A hair of slack so that rounding in a renderer never pushes a line past the column.
SLACK_EM = 0.25


def version() -> str:
    """A digest of every setting that moves a line break: lines stored with another version
    (drafts.models.Edition) or PDFs made with one are out of date."""
    settings = [MEASURE_EM, INDENT_EM, SLACK_EM, FONT_FILES]
    return hashlib.sha256(json.dumps(settings).encode()).hexdigest()[:16]


class FontMissing(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class FontMetrics:
    advances: dict[int, float]  # code point -> advance in em
    fallback: float

    def width(self, text: str) -> float:
        advances = self.advances
        fallback = self.fallback
        return sum(advances.get(ord(char), fallback) for char in text)


def font_path(style: str) -> Path:
    path = FONT_DIR / FONT_FILES[style]
    if not path.exists():
        raise FontMissing(f"{path} is missing: the fonts ship with the project (git checkout).")
    return path


@cache
def metrics(style: str) -> FontMetrics:
    font = TTFont(font_path(style), lazy=True)
    units = font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    advances = {code: hmtx[glyph][0] / units for code, glyph in font.getBestCmap().items()}
    # An unknown character is drawn from a fallback font; an "M" is a safe over-estimate.
    return FontMetrics(advances=advances, fallback=advances.get(ord("M"), 1.0))


def style_for(kind: str) -> str:
    return {"heading": "bold", "preambular": "italic"}.get(kind, "regular")


def break_lines(text: str, *, style: str = "regular", measure: float = MEASURE_EM) -> list[str]:
    """Greedy line breaking at spaces; a word longer than the measure is cut where it must.

    A pure function of its arguments, so each text is broken once per process: a page that
    shows a revision in the reader and offers its PDFs in both languages, and every later
    page of the same text, reuse the breaks (a copy, so that callers may change theirs)."""
    return list(_break_lines(text, style, measure))


@lru_cache(maxsize=8192)
def _break_lines(text: str, style: str, measure: float) -> tuple[str, ...]:
    font = metrics(style)
    limit = measure - SLACK_EM
    space = font.width(" ")
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for word in text.split():
        word_width = font.width(word)
        needed = word_width if not current else current_width + space + word_width
        if needed <= limit:
            current.append(word)
            current_width = needed
            continue
        if current:
            lines.append(" ".join(current))
            current, current_width = [], 0.0
        while word_width > limit:
            cut = _longest_prefix(word, font, limit)
            lines.append(word[:cut])
            word = word[cut:]
            word_width = font.width(word)
        current, current_width = [word], word_width
    if current:
        lines.append(" ".join(current))
    return tuple(lines or [""])


def _longest_prefix(word: str, font: FontMetrics, limit: float) -> int:
    width = 0.0
    for index, char in enumerate(word):
        width += font.width(char)
        if width > limit:
            return max(index, 1)
    return len(word)


def paragraph_text(paragraph) -> str:
    """The text as printed: a bracketed paragraph carries its square brackets."""
    text = paragraph.text or ""
    if paragraph.negotiation == "bracketed":
        return f"[{text}]"
    return text


def paragraph_lines(paragraph) -> list[str]:
    measure = MEASURE_EM + INDENT_EM if paragraph.kind == "heading" else MEASURE_EM
    return break_lines(paragraph_text(paragraph), style=style_for(paragraph.kind), measure=measure)
