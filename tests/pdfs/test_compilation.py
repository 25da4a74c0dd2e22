"""The compilation of comments as a PDF table, from the secretariat's page and from the API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from consultation.models import Comment
from consultation.services import comment_answer, comment_create
from drafts.models import Revision
from pdfs.compilation import compilation_pdf
from tests.api.conftest import client_for

from .pdftext import pdf_reader, pdf_text

CYRILLIC_COMMENT = "Предлагаем уточнить формулировку"
RESPONSE = "Reflected in Rev.2"


def squeezed(content: bytes) -> str:
    # Table cells wrap: compare text with line breaks as spaces.
    return " ".join(pdf_text(content).split())


@pytest.fixture
def comments(alice, bob, secretariat, published_revision):
    op1 = published_revision.paragraphs.get(position=3)
    russian = comment_create(
        author=alice, revision=published_revision, paragraph=op1, body=CYRILLIC_COMMENT
    )
    comment_answer(comment=russian, user=secretariat, status="accepted", response=RESPONSE)
    comment_create(
        author=bob,
        revision=published_revision,
        paragraph=op1,
        kind="amendment",
        body="Shorter",
        proposed_text="decides to act;",
    )
    # User text is printed as text: no markup reaches WeasyPrint, nothing is fetched.
    comment_create(
        author=bob, revision=published_revision, body='<img src="file:///etc/passwd"> <b>x</b>'
    )
    return published_revision


def test_the_secretariat_downloads_the_compilation_as_a_pdf_table(client, secretariat, comments):
    client.force_login(secretariat)
    with translation.override("en"):
        url = reverse("compilation_download", args=[comments.document.slug, 1, "pdf"])

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('-rev1-compilation.pdf"')
    text = squeezed(response.content)
    assert (
        "Paragraph Lines Delegation Kind Comment or proposed text Status Secretariat response"
        in text
    )
    assert "Kazakhstan" in text and "Uzbekistan" in text
    assert CYRILLIC_COMMENT in text
    assert RESPONSE in text
    assert "Proposed text: decides to act;" in text
    assert '<img src="file:///etc/passwd"> <b>x</b>' in text
    assert "Compilation of comments" in text
    assert "Page 1 of 1" in text
    page = pdf_reader(response.content).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    assert pdf_reader(response.content).metadata.title.startswith("Compilation of comments")


@pytest.mark.parametrize("who", ["alice", "head_a"])
def test_delegates_cannot_download_the_compilation(client, comments, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("compilation_download", args=[comments.document.slug, 1, "pdf"]))

    assert response.status_code == 403


def test_the_compilation_is_printed_in_the_pages_language(comments):
    with translation.override("ru"):
        text = squeezed(compilation_pdf(comments))

    assert "Сводная таблица замечаний" in text
    assert "Стр. 1 из 1" in text
    assert CYRILLIC_COMMENT in text


def test_the_api_gives_the_compilation_as_a_pdf_to_the_secretariat_only(
    comments, secretariat, alice
):
    url = f"/api/v1/documents/{comments.document_id}/revisions/1/compilation/?format=pdf&lang=en"

    response = client_for(secretariat).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('compilation.pdf"')
    text = squeezed(response.content)
    assert "Secretariat response" in text
    assert CYRILLIC_COMMENT in text and RESPONSE in text
    refused = client_for(alice).get(url)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"


def test_a_revision_without_comments_says_so(published_revision):
    with translation.override("en"):
        assert "No comments on this revision." in squeezed(compilation_pdf(published_revision))


def test_every_row_of_a_long_compilation_is_printed_across_pages(published_revision, alice):
    paragraph = published_revision.paragraphs.get(position=3)
    Comment.objects.bulk_create(
        Comment(
            revision=published_revision,
            paragraph=paragraph,
            author=alice,
            delegation=alice.membership.delegation,
            body=f"Замечание номер {n:03d}",
        )
        for n in range(80)
    )
    with translation.override("en"):
        content = compilation_pdf(published_revision)

    reader = pdf_reader(content)
    assert len(reader.pages) > 2
    text = squeezed(content)
    assert all(f"Замечание номер {n:03d}" in text for n in range(80))
    # The header row is repeated on every page.
    assert all("Secretariat response" in page.extract_text() for page in reader.pages)


def test_the_compilation_costs_the_same_queries_for_3_and_60_comments(published_revision, alice):
    paragraph = published_revision.paragraphs.get(position=3)
    counts = []
    for total in (3, 60):
        Comment.objects.filter(revision=published_revision).delete()
        Comment.objects.bulk_create(
            Comment(
                revision=published_revision,
                paragraph=paragraph,
                author=alice,
                delegation=alice.membership.delegation,
                body="Support.",
            )
            for _ in range(total)
        )
        fresh = Revision.objects.get(pk=published_revision.pk)  # nothing cached on it
        with CaptureQueriesContext(connection) as queries:
            compilation_pdf(fresh)
        counts.append(len(queries))
    assert counts[0] == counts[1]
