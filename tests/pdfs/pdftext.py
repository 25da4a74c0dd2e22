"""Reading rendered PDFs and reader pages back, for comparing their numbered lines."""

import html
import io
import re
import shutil
import subprocess
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


def marked_text(content: bytes, mcids: set | None = None) -> list[tuple[str, str]]:
    """(text, marked-content tag) for every piece of text, in content-stream order: the tag is
    "Artifact" for decorations, the structure's tag ("Span", "P"…) for content. `mcids`, if
    given, receives (page index, MCID) of every marked content."""
    pieces: list[tuple[str, str]] = []
    for index, page in enumerate(pdf_reader(content).pages):
        stack: list[str] = []

        def before(operator, operands, cm, tm, stack=stack, index=index):
            if operator in (b"BDC", b"BMC"):
                stack.append(str(operands[0]).lstrip("/"))
                if mcids is not None and operator == b"BDC" and "/MCID" in operands[1]:
                    mcids.add((index, int(operands[1]["/MCID"])))
            elif operator == b"EMC" and stack:
                stack.pop()

        def text(value, cm, tm, font, size, stack=stack):
            if value.strip():
                pieces.append((value, stack[-1] if stack else ""))

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return pieces


def structure_mcids(content: bytes) -> set[tuple[int, int]]:
    """(page index, MCID) of every marked content reachable from the structure tree's root."""
    reader = pdf_reader(content)
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    found: set[tuple[int, int]] = set()

    def walk(node, page):
        node = node.get_object()
        if isinstance(node, int):
            found.add((page, node))
            return
        if isinstance(node, list):
            for kid in node:
                walk(kid, page)
            return
        if "/Pg" in node:
            page = pages[node.raw_get("/Pg").idnum]
        if "/MCID" in node:
            found.add((page, int(node["/MCID"])))
        if "/K" in node:
            walk(node["/K"], page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"], None)
    return found


def assert_tagged(content: bytes) -> None:
    """Tagged, every marked content reachable from the structure's root, and text outside
    it only as artifacts: a screen reader following the structure misses nothing."""
    reader = pdf_reader(content)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    in_stream: set[tuple[int, int]] = set()
    pieces = marked_text(content, in_stream)
    assert in_stream and in_stream <= structure_mcids(content)
    assert all(tag for _text, tag in pieces), "text outside any marked content"
    if shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", "-"], input=content, capture_output=True, check=True, timeout=60
        ).stdout.decode()
        assert re.search(r"^Tagged:\s+yes$", info, re.M), info
