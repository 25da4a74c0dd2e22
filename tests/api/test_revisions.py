"""Revisions, their comparison and the compilation of comments, for each role."""

import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from consultation.services import comment_create
from drafts.models import Paragraph
from drafts.services import revision_publish

ROLES = ["anonymous", "alice", "bob", "secretariat"]


def url(revision, suffix=""):
    return f"/api/v1/documents/{revision.document_id}/revisions/{revision.number}/{suffix}"


@pytest.mark.parametrize("role", ROLES)
def test_everybody_reads_a_published_revision_paragraph_by_paragraph(
    clients, role, published_revision
):
    response = clients[role].get(url(published_revision))

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "published"
    paragraphs = body["paragraphs"]
    assert [p["kind"] for p in paragraphs[:3]] == ["heading", "preambular", "operative"]
    assert [p["number"] for p in paragraphs] == [None, None, 1, 2, 3]
    assert paragraphs[0]["text"] == "Declaration"
    assert all(len(p["key"]) == 12 for p in paragraphs)
    # Lines are numbered continuously across the revision, as in the reader and the PDF.
    numbers = [number for p in paragraphs for number in p["lines"]]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 404), ("alice", 404), ("bob", 404), ("secretariat", 200)]
)
def test_the_draft_is_the_secretariats_and_does_not_exist_for_anyone_else(
    clients, role, status, published_revision
):
    draft = published_revision.document.revisions.get(number=2)

    response = clients[role].get(url(draft))

    assert response.status_code == status
    if status == 404:
        assert response.json()["error"]["code"] == "not_found"


def test_a_document_with_only_a_draft_is_404_for_every_path(anonymous, draft_revision):
    for path in ["", "compare/?from=1&to=1"]:
        response = anonymous.get(f"/api/v1/documents/{draft_revision.document_id}/{path}")
        assert response.status_code == 404
    assert anonymous.get(url(draft_revision)).status_code == 404
    assert anonymous.get(url(draft_revision, "compilation/")).status_code == 404


@pytest.mark.parametrize("language", ["ru", "en"])
def test_line_numbers_are_those_of_the_reader_and_the_pdf_in_each_language(
    anonymous, published_revision, language
):
    from drafts.selectors import paragraphs_numbered

    with translation.override(language):
        expected = [[n for n, _text in p.lines] for p in paragraphs_numbered(published_revision)]

    body = anonymous.get(url(published_revision), {"lang": language}).json()

    assert [p["lines"] for p in body["paragraphs"]] == expected


@pytest.mark.parametrize("number", [1, 2])
def test_a_revision_is_the_serializers_answer_whether_stored_or_typeset_live(
    as_secretariat, published_revision, number
):
    from drafts.api.paragraphs import ParagraphSerializer
    from drafts.selectors import paragraphs_numbered

    revision = published_revision.document.revisions.get(number=number)  # 2 is the draft
    with translation.override("en"):
        paragraphs = ParagraphSerializer(paragraphs_numbered(revision), many=True).data

    response = as_secretariat.get(url(revision), {"lang": "en"})

    body = response.json()
    assert list(body) == [
        "id",
        "document",
        "number",
        "state",
        "published_at",
        "summary",
        "paragraphs",
    ]
    assert (body["id"], body["document"], body["number"]) == (
        revision.pk,
        revision.document_id,
        number,
    )
    assert body["state"] == revision.state
    assert (body["published_at"] is None) == (revision.published_at is None)
    # A published revision's paragraphs are its stored edition's text, sent as it is: the
    # same as the serializer gives for them now.
    assert body["paragraphs"] == paragraphs
    assert response["Content-Type"] == "application/json"


def test_pre_rendered_json_is_written_into_the_answer_as_it_is():
    from portal.representation import JSONRenderer, PreRenderedJSON

    rendered = JSONRenderer().render({"a": "é", "b": PreRenderedJSON('[{"x":1}]'), "c": None})

    assert rendered == '{"a":"é","b":[{"x":1}],"c":null}'.encode()
    assert JSONRenderer().render({"a": [1]}) == b'{"a":[1]}'
    indented = JSONRenderer().render({"b": PreRenderedJSON("[1]")}, "application/json; indent=2")
    assert indented == b'{\n  "b": [\n    1\n  ]\n}'


def test_the_browsable_api_shows_a_published_revision_indented(anonymous, published_revision):
    response = anonymous.get(url(published_revision), {"format": "api"})

    assert response.status_code == 200
    assert "&quot;paragraphs&quot;: [" in response.content.decode()


def test_a_draft_is_typeset_live_and_a_published_revision_read_from_its_edition(
    as_secretariat, published_revision, django_assert_num_queries
):
    from drafts.models import Edition
    from typesetting.lines import _break_lines

    draft = published_revision.document.revisions.get(number=2)
    assert set(
        Edition.objects.filter(revision=published_revision).values_list("language", flat=True)
    ) == {"ru", "en"}
    assert not Edition.objects.filter(revision=draft).exists()

    _break_lines.cache_clear()
    as_secretariat.get(url(published_revision))
    assert _break_lines.cache_info().currsize == 0
    as_secretariat.get(url(draft))
    assert _break_lines.cache_info().currsize == draft.paragraphs.count()


@pytest.fixture
def second_revision(published_revision, secretariat):
    draft = published_revision.document.revisions.get(number=2)
    paragraph = draft.paragraphs.get(position=3)
    Paragraph.objects.filter(pk=paragraph.pk).update(text_en="decides to act now on matter;")
    draft.paragraphs.get(position=4).delete()
    return revision_publish(revision=draft, user=secretariat)


@pytest.mark.parametrize("role", ROLES)
def test_everybody_compares_published_revisions_word_by_word(clients, role, second_revision):
    document = second_revision.document_id
    response = clients[role].get(f"/api/v1/documents/{document}/compare/?from=1&to=2")

    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"]) == (1, 2)
    changes = {c["change"] for c in body["changes"]}
    assert changes == {"unchanged", "changed", "deleted"}
    changed = next(c for c in body["changes"] if c["change"] == "changed")
    assert any(w["op"] == "insert" and "now" in w["text"] for w in changed["words"])


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 404), ("bob", 404), ("secretariat", 200)]
)
def test_comparing_with_the_draft_is_for_the_secretariat_only(
    clients, role, status, published_revision
):
    document = published_revision.document_id

    response = clients[role].get(f"/api/v1/documents/{document}/compare/?from=1&to=2")

    assert response.status_code == status


@pytest.mark.parametrize("query", ["", "?from=1", "?from=x&to=1", "?from=0&to=1", "?from=1&to=99"])
def test_a_bad_comparison_is_a_4xx_in_the_error_format(anonymous, published_revision, query):
    response = anonymous.get(f"/api/v1/documents/{published_revision.document_id}/compare/{query}")

    assert response.status_code in (400, 404)
    assert response.json()["error"]["status"] == response.status_code


@pytest.fixture
def commented(published_revision, alice, bob):
    paragraph = published_revision.paragraphs.get(position=3)
    comment_create(author=alice, revision=published_revision, paragraph=paragraph, body="=SUM(A1)")
    comment_create(author=bob, revision=published_revision, body="General support.")
    return published_revision


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 401), ("alice", 403), ("bob", 403), ("secretariat", 200)]
)
def test_only_the_secretariat_downloads_the_compilation(clients, role, status, commented):
    response = clients[role].get(url(commented, "compilation/?format=csv"))

    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        text = response.content.decode("utf-8-sig")
        assert "General support." in text
        assert "'=SUM(A1)" in text
    else:
        assert response["Content-Type"].startswith("application/json")


def test_the_compilation_comes_as_xlsx_too(as_secretariat, commented):
    response = as_secretariat.get(url(commented, "compilation/?format=xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3


def test_the_compilation_defaults_to_csv(as_secretariat, commented):
    response = as_secretariat.get(url(commented, "compilation/"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
