"""Reading rendered PDFs and reader pages back, for comparing their numbered lines."""

import html
import io
import re
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Line:
    number: int
    operative: int | None
    text: str


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def pdf_numbered_lines(content: bytes) -> list[Line]:
    """The numbered lines of a revision PDF, in page order, from the text's positions.

    A line number is a lone run of digits left of the text block; the fragments on the same
    baseline are the line: an operative number ("3.") first if any, then the text.
    """
    reader = pdf_reader(content)
    lines: list[Line] = []
    for page in reader.pages:
        fragments: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, fragments=fragments):
            if text.strip():
                fragments.append((round(tm[5], 1), tm[4], text))

        page.extract_text(visitor_text=visit)
        text_left = min(x for _y, x, text in fragments if not text.strip().isdigit())
        by_baseline: dict[float, list[tuple[float, str]]] = {}
        for y, x, text in fragments:
            by_baseline.setdefault(y, []).append((x, text))
        for y in sorted(by_baseline):
            parts = sorted(by_baseline[y])
            first_x, first = parts[0]
            if not (first.strip().isdigit() and first_x < text_left):
                continue
            rest = [text for _x, text in parts[1:]]
            operative = None
            if rest and re.fullmatch(r"\d+\.", rest[0].strip()):
                operative = int(rest[0].strip()[:-1])
                rest = rest[1:]
            lines.append(Line(int(first), operative, _squeeze("".join(rest))))
    return lines


_READER_LINE = re.compile(
    r'<span class="line" id="l\d+" data-line="(\d+)"><(?:span|a) class="ln"[^>]*>\d+</(?:span|a)>'
    r'(?:<span class="num">(\d+)\.</span>)?<span class="lt">(.*?)</span></span>'
)


def reader_numbered_lines(page_html: str) -> list[Line]:
    return [
        Line(int(number), int(operative) if operative else None, _squeeze(html.unescape(text)))
        for number, operative, text in _READER_LINE.findall(page_html)
    ]


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pdf_reader(content).pages)
