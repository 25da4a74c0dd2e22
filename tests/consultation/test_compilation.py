import csv
import io

import pytest
from openpyxl import load_workbook

from consultation.compilation import compilation_csv, compilation_rows, compilation_xlsx
from consultation.services import comment_answer, comment_create
from drafts.selectors import paragraph_line_span

pytestmark = pytest.mark.usefixtures("english")


def op1_first_line(revision, op1):
    return paragraph_line_span(revision, op1, "en")[0]


def _comments(alice, bob, secretariat, revision):
    op1 = revision.paragraphs.get(position=3)
    amendment = comment_create(
        author=bob,
        revision=revision,
        paragraph=op1,
        kind="amendment",
        body="Clearer",
        proposed_text="decides to act now;",
        line_first=op1_first_line(revision, op1),
        cited_language="en",
    )
    comment_answer(comment=amendment, user=secretariat, status="accepted", response="Done")
    comment_create(author=alice, revision=revision, body='=HYPERLINK("x")')


def test_compilation_lists_paragraph_delegation_text_status_and_response(
    alice, bob, secretariat, published_revision
):
    _comments(alice, bob, secretariat, published_revision)

    rows = compilation_rows(published_revision)

    line = op1_first_line(published_revision, published_revision.paragraphs.get(position=3))
    assert [(r.paragraph, r.lines, r.delegation, r.status, r.response) for r in rows] == [
        ("Whole document", "", "Kazakhstan", "Open", ""),
        ("OP1", f"l. {line} (en)", "Uzbekistan", "Accepted", "Done"),
    ]
    assert "decides to act now;" in rows[1].text


def test_csv_export_is_utf8_and_neutralises_formulas(alice, bob, secretariat, published_revision):
    _comments(alice, bob, secretariat, published_revision)

    content = compilation_csv(published_revision).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(content)))

    assert table[0][:2] == ["Paragraph", "Lines"]
    assert table[1][4] == '\'=HYPERLINK("x")'
    assert table[2][2] == "Uzbekistan"


def test_xlsx_export_has_the_same_rows(alice, bob, secretariat, published_revision):
    _comments(alice, bob, secretariat, published_revision)

    sheet = load_workbook(io.BytesIO(compilation_xlsx(published_revision))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert len(values) == 3
    assert values[2][0] == "OP1"
    assert values[2][1].startswith("l. ")
    assert values[2][2] == "Uzbekistan"
    assert values[2][6] == "Done"
