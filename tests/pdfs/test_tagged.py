"""The PDFs are tagged (PDF/UA-1) and read straight through: line numbers, running heads and
the watermark are artifacts, outside the structure a screen reader follows."""

import re

import pytest
from django.utils import translation

from pdfs.compilation import compilation_pdf
from pdfs.services import pdf_job_request
from tests.pdfs.pdftext import assert_tagged, marked_text, pdf_numbered_lines


def test_a_draft_is_tagged_and_its_decorations_are_artifacts(long_revision, on_commit):
    job = on_commit(pdf_job_request, revision=long_revision, language="en", user=None)
    content = job.file.read()

    assert_tagged(content)
    pieces = marked_text(content)
    numbers = {str(line.number) for line in pdf_numbered_lines(content)}
    artifacts = " ".join(text for text, tag in pieces if tag == "Artifact")
    body = " ".join(text for text, tag in pieces if tag != "Artifact")
    # The line numbers are still drawn (the reader's numbers, tests/pdfs/test_line_numbers.py)
    # but as artifacts; so are the watermark and the running heads.
    assert numbers and all(
        tag == "Artifact" for text, tag in pieces if text.strip() in numbers and len(text) < 5
    )
    assert "DRAFT" in artifacts
    assert f"{long_revision.document.symbol} Rev.{long_revision.number}" in artifacts
    assert "Page 1 of" in artifacts
    # The text reads straight through: no number between its words.
    assert "Green Shield: joint action" in body
    assert "DRAFT" not in body
    assert "Page" not in body
    assert not re.search(r"Republic of \d+ ", body)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_compilation_is_tagged(long_revision, language):
    with translation.override(language):
        content = compilation_pdf(long_revision)

    assert_tagged(content)
    assert any(tag == "Artifact" for _text, tag in marked_text(content))
