"""The compilation of comments: what a secretariat circulates between negotiation rounds."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from drafts.models import Revision
from drafts.selectors import paragraphs_numbered

from .models import Comment


@dataclass
class CompilationRow:
    paragraph: str
    lines: str
    delegation: str
    kind: str
    text: str
    status: str
    response: str


def _paragraph_label(paragraph) -> str:
    if paragraph is None:
        return _("Whole document")
    return paragraph.label


def compilation_rows(revision: Revision) -> list[CompilationRow]:
    """Every visible, top-level comment of the revision in document order (two queries)."""
    paragraphs = {p.pk: p for p in paragraphs_numbered(revision)}
    comments = (
        Comment.objects.filter(revision=revision, hidden_at__isnull=True, parent__isnull=True)
        .select_related("delegation", "author")
        .order_by("created_at", "pk")
    )
    order = {pk: index for index, pk in enumerate(paragraphs)}
    ordered = sorted(comments, key=lambda c: (order.get(c.paragraph_id, -1), c.created_at, c.pk))
    rows = []
    for comment in ordered:
        text = comment.body
        if comment.proposed_text:
            text = f"{comment.body}\n\n{_('Proposed text')}: {comment.proposed_text}"
        rows.append(
            CompilationRow(
                paragraph=_paragraph_label(paragraphs.get(comment.paragraph_id)),
                lines=comment.cited_lines,
                delegation=str(comment.delegation or _("Secretariat")),
                kind=comment.get_kind_display(),
                text=text,
                status=comment.get_status_display(),
                response=comment.response,
            )
        )
    return rows


def compilation_header() -> list[str]:
    """The column titles, shared by the CSV, the workbook and the PDF (pdfs/compilation.py)."""
    return [
        _("Paragraph"),
        _("Lines"),
        _("Delegation"),
        _("Kind"),
        _("Comment or proposed text"),
        _("Status"),
        _("Secretariat response"),
    ]


def _values(row: CompilationRow) -> list[str]:
    return [row.paragraph, row.lines, row.delegation, row.kind, row.text, row.status, row.response]


def _spreadsheet_safe(value: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheet programs (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def compilation_csv(revision: Revision) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(compilation_header())
    for row in compilation_rows(revision):
        writer.writerow([_spreadsheet_safe(v) for v in _values(row)])
    # The BOM makes Excel read the Cyrillic text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def compilation_xlsx(revision: Revision) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Rev.{revision.number}"
    sheet.append(compilation_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in compilation_rows(revision):
        sheet.append([_spreadsheet_safe(v) for v in _values(row)])
    for column, width in zip("ABCDEFG", (12, 16, 28, 18, 70, 16, 50), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class CompilationFormat:
    content_type: str
    render: Callable[[Revision], bytes]


# The formats of the compilation, for the page and the API alike. pdfs/ adds "pdf" when it
# loads (pdfs.apps), so that the consultation needs to know nothing of PDFs.
COMPILATION_FORMATS: dict[str, CompilationFormat] = {
    "csv": CompilationFormat("text/csv; charset=utf-8", compilation_csv),
    "xlsx": CompilationFormat(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", compilation_xlsx
    ),
}


def compilation_format_register(name: str, content_type: str, render) -> None:
    COMPILATION_FORMATS[name] = CompilationFormat(content_type, render)


def compilation_response(revision: Revision, fmt: str) -> HttpResponse:
    """The compilation of `revision` as a download in `fmt` (one of COMPILATION_FORMATS)."""
    compilation_format = COMPILATION_FORMATS[fmt]
    response = HttpResponse(
        compilation_format.render(revision), content_type=compilation_format.content_type
    )
    name = f"{revision.document.slug}-rev{revision.number}-compilation.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
