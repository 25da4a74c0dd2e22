"""Comments cite lines as one language edition numbers them: "OP3, l. 17–18 (en)". The lines
must be the paragraph's in that edition; the comment keeps them with the edition."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from consultation.models import Comment
from consultation.services import comment_create
from drafts.selectors import paragraph_line_span
from drafts.services import revision_publish
from tests.pdfs.conftest import make_long_revision

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def revision(secretariat):
    return revision_publish(revision=make_long_revision(), user=secretariat)


@pytest.fixture
def op3(revision):
    return revision.paragraphs.filter(kind="operative").order_by("position")[2]


def test_each_edition_numbers_its_own_lines(revision, op3):
    ru, en = paragraph_line_span(revision, op3, "ru"), paragraph_line_span(revision, op3, "en")

    assert ru != en
    assert ru[1] > ru[0] and en[1] > en[0]  # several lines in each edition


def test_a_comment_records_the_lines_and_the_edition_it_cites(revision, op3, alice):
    first, last = paragraph_line_span(revision, op3, "ru")

    comment = comment_create(
        author=alice,
        revision=revision,
        paragraph=op3,
        body="Строки о лесах.",
        line_first=first,
        line_last=first + 1,
        cited_language="ru",
    )

    assert (comment.line_first, comment.line_last, comment.cited_language) == (
        first,
        first + 1,
        "ru",
    )
    assert comment.citation == f"OP3, l. {first}–{first + 1} (ru)"
    with translation.override("ru"):
        assert comment.citation == f"ОП3, стр. {first}–{first + 1} (ru)"


def test_one_line_alone_and_the_authors_language_by_default(revision, op3, alice):
    with translation.override("en"):
        first, _last = paragraph_line_span(revision, op3, "en")
        comment = comment_create(
            author=alice, revision=revision, paragraph=op3, body="x", line_first=first
        )

    assert (comment.line_last, comment.cited_language) == (first, "en")
    assert comment.citation == f"OP3, l. {first} (en)"


def test_lines_outside_the_paragraph_are_refused_with_its_lines_named(revision, op3, alice):
    first, last = paragraph_line_span(revision, op3, "en")

    with pytest.raises(ValidationError) as refused:
        comment_create(
            author=alice,
            revision=revision,
            paragraph=op3,
            body="x",
            line_first=last,
            line_last=last + 1,
            cited_language="en",
        )

    assert refused.value.message_dict["line_first"] == [
        f"OP3 has lines {first}–{last} in this edition."
    ]
    assert not Comment.objects.exists()


def test_lines_backwards_or_without_a_paragraph_are_refused(revision, op3, alice):
    first, last = paragraph_line_span(revision, op3, "en")
    with pytest.raises(ValidationError) as backwards:
        comment_create(
            author=alice, revision=revision, paragraph=op3, body="x", line_first=last,
            line_last=first, cited_language="en",
        )  # fmt: skip
    with pytest.raises(ValidationError) as whole_document:
        comment_create(author=alice, revision=revision, body="x", line_first=1)

    assert "line_last" in backwards.value.message_dict
    assert "line_first" in whole_document.value.message_dict


def test_a_reply_cites_no_lines(revision, op3, alice, bob):
    first, _last = paragraph_line_span(revision, op3, "en")
    parent = comment_create(
        author=alice, revision=revision, paragraph=op3, body="x", line_first=first,
        cited_language="en",
    )  # fmt: skip

    reply = comment_create(
        author=bob, revision=revision, parent=parent, body="y", line_first=first,
        cited_language="en",
    )  # fmt: skip

    assert (reply.line_first, reply.cited_language, reply.citation) == (None, "", "OP3")


def test_a_line_number_links_to_the_comment_form_with_the_line_chosen(client, revision, op3, alice):
    first, _last = paragraph_line_span(revision, op3, "en")
    client.force_login(alice)
    reader = client.get(f"/en{revision.get_absolute_url()[3:]}").content.decode()
    url = reverse("comment_create", args=[revision.document.slug, revision.number])
    link = f"{url}?paragraph={op3.key}&amp;line_first={first}"
    assert link in reader

    form = client.get(f"{url}?paragraph={op3.key}&line_first={first}").content.decode()
    assert f"<option selected>{first}</option>" in form
    response = client.post(
        url,
        {
            "paragraph": op3.key,
            "kind": "comment",
            "body": "Without JavaScript.",
            "visibility": "all",
            "line_first": str(first),
            "line_last": "",
            "cited_language": "en",
        },
    )

    assert response.status_code == 302
    assert Comment.objects.get().citation == f"OP3, l. {first} (en)"


def test_the_comment_page_shows_the_refusal_and_keeps_the_text(client, revision, op3, alice):
    _first, last = paragraph_line_span(revision, op3, "en")
    client.force_login(alice)
    url = reverse("comment_create", args=[revision.document.slug, revision.number])

    response = client.post(
        url,
        {
            "paragraph": op3.key,
            "kind": "comment",
            "body": "Keep me.",
            "visibility": "all",
            "line_first": str(last + 5),
            "cited_language": "en",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "OP3 has lines" in page
    assert "Keep me." in page
    assert not Comment.objects.exists()


def test_a_reader_who_may_not_comment_sees_plain_line_numbers(client, revision):
    page = client.get(f"/en{revision.get_absolute_url()[3:]}").content.decode()

    assert 'class="ln" aria-hidden="true"' in page
    assert 'a class="ln"' not in page


def test_the_api_takes_and_gives_the_cited_lines(client, revision, op3, alice):
    first, last = paragraph_line_span(revision, op3, "en")
    client.force_login(alice)

    created = client.post(
        "/api/v1/comments/?lang=en",
        {"paragraph": op3.pk, "body": "x", "line_first": first, "line_last": last,
         "cited_language": "en"},
        content_type="application/json",
    )  # fmt: skip
    refused = client.post(
        "/api/v1/comments/?lang=en",
        {"paragraph": op3.pk, "body": "x", "line_first": last + 1, "cited_language": "en"},
        content_type="application/json",
    )

    assert created.status_code == 201, created.json()
    assert created.json()["citation"] == f"OP3, l. {first}–{last} (en)"
    assert created.json()["cited_language"] == "en"
    assert refused.status_code == 400
    assert refused.json()["error"]["fields"] == {
        "line_first": [f"OP3 has lines {first}–{last} in this edition."]
    }
