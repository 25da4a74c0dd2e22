"""The compilation of comments as a PDF: the rows of the CSV and the workbook, as a table.

It is rendered in the request, like the CSV and the workbook, not through PdfJob and Celery.
The job machinery exists to never render the same input twice and to survive long renders;
neither fits here. A compilation changes with every comment and every answer, so a stored
file would be stale as soon as it was written, and its cache key would have to digest every
comment; and it is the secretariat's working table of a few dozen to a few hundred rows.
Measured on the development machine: 50 comments in 0.7 s (5 pages), 300 long comments in
3.2 s (28 pages), with fixed table layout. That is a download the secretariat waits for, not a
job to poll, and the request's own limit (gunicorn's worker timeout) bounds it like any other
request. Should compilations grow to thousands of rows, this is the place to switch to a job.
"""

from typing import Any

from django.utils import timezone, translation

from consultation.compilation import compilation_header, compilation_rows
from drafts.models import Revision
from typesetting import lines
from typesetting.pdf import render_template_pdf

from .documents import language_name

TEMPLATE_NAME = "pdf/compilation.html"


def compilation_context(revision: Revision) -> dict[str, Any]:
    """In the active language: the column titles, labels and the page furniture follow it."""
    language = translation.get_language()
    document = revision.document
    return {
        "document": document,
        "summit": document.summit,
        "revision": revision,
        "header": compilation_header(),
        "rows": compilation_rows(revision),
        "language": language,
        "language_name": language_name(language),
        "date": timezone.localdate(),
        # A working table, not a text for adoption: no watermark over the comments.
        "watermark": False,
        "font_family": lines.FONT_FAMILY,
    }


def compilation_pdf(revision: Revision) -> bytes:
    return render_template_pdf(TEMPLATE_NAME, compilation_context(revision))
