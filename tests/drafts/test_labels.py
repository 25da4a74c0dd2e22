"""One citable label per paragraph (PP1…, OP1…, H1…; ПП1…, ОП1…, З1… in Russian), the same in
the reader, every list, the compilation and the API, and never a database position."""

import pytest
from django.urls import reverse
from django.utils import translation

from consultation.compilation import compilation_rows
from consultation.services import comment_create
from drafts.selectors import paragraphs_numbered, paragraphs_with_label, parse_label


@pytest.fixture
def op2_comment(published_revision, alice):
    paragraph = published_revision.paragraphs.filter(kind="operative").order_by("position")[1]
    return comment_create(
        author=alice, revision=published_revision, paragraph=paragraph, body="On OP2."
    )


def test_labels_come_from_kind_and_place(published_revision):
    with translation.override("en"):
        assert [p.label for p in paragraphs_numbered(published_revision)] == [
            "H1",
            "PP1",
            "OP1",
            "OP2",
            "OP3",
        ]
    with translation.override("ru"):
        assert [p.label for p in paragraphs_numbered(published_revision)] == [
            "З1",
            "ПП1",
            "ОП1",
            "ОП2",
            "ОП3",
        ]
    # A paragraph read on its own gets the same label as in the whole list.
    third = published_revision.paragraphs.get(position=4)
    assert (third.code, third.label) == ("OP2", "ОП2")


@pytest.mark.parametrize(
    "text,expected",
    [("OP3", ("operative", 3)), ("op 3", ("operative", 3)), ("ОП3", ("operative", 3)),
     ("PP2", ("preambular", 2)), ("ПП2", ("preambular", 2)), ("H1", ("heading", 1)),
     ("¶3", None), ("3", None), ("c01d22552e13", None), ("", None)],
)  # fmt: skip
def test_people_type_labels_in_either_language(text, expected):
    assert parse_label(text) == expected


def test_the_reader_anchors_each_paragraph_by_its_label(client, published_revision):
    page = client.get(f"/en{published_revision.get_absolute_url()[3:]}").content.decode()
    assert 'id="OP2" data-paragraph="OP2"' in page
    assert 'id="PP1" data-paragraph="PP1"' in page


def test_lists_name_the_paragraph_by_its_label_never_its_position(
    client, published_revision, alice, secretariat, op2_comment
):
    client.force_login(alice)
    with translation.override("en"):
        dashboard = client.get(reverse("dashboard")).content.decode()
        detail = client.get(reverse("comment_detail", args=[op2_comment.pk])).content.decode()
    for page in (dashboard, detail):
        assert "OP2" in page and "¶" not in page

    client.force_login(secretariat)
    with translation.override("en"):
        triage = client.get(reverse("comment_triage"), {"paragraph": "OP2"}).content.decode()
        other = client.get(reverse("comment_triage"), {"paragraph": "OP1"}).content.decode()
        wrong = client.get(reverse("comment_triage"), {"paragraph": "c01d22552e13"})
    assert "On OP2." in triage and "¶" not in triage
    assert "On OP2." not in other
    assert "OP3 or PP2" in wrong.content.decode()

    with translation.override("en"):
        assert compilation_rows(published_revision)[0].paragraph == "OP2"


def test_the_api_carries_the_label(client, published_revision, alice, op2_comment):
    from rest_framework.test import APIClient

    api = APIClient()
    revision = api.get(
        f"/api/v1/documents/{published_revision.document_id}/revisions/1/?lang=en"
    ).json()
    assert [p["label"] for p in revision["paragraphs"]] == ["H1", "PP1", "OP1", "OP2", "OP3"]
    api.force_authenticate(alice)
    comments = api.get("/api/v1/comments/?lang=ru").json()["results"]
    assert comments[0]["paragraph_label"] == "ОП2"


def test_one_query_labels_a_whole_page_of_comments(
    published_revision, alice, django_assert_num_queries
):
    from consultation.models import Comment
    from drafts.selectors import paragraphs_labelled

    for paragraph in published_revision.paragraphs.all():
        comment_create(author=alice, revision=published_revision, paragraph=paragraph, body="x")
    comments = list(Comment.objects.select_related("paragraph"))
    with django_assert_num_queries(1):
        paragraphs_labelled(c.paragraph for c in comments)
        labels = [c.paragraph.code for c in comments]
    assert sorted(labels) == ["H1", "OP1", "OP2", "OP3", "PP1"]
    assert paragraphs_with_label("OP2").filter(revision=published_revision).count() == 1


def test_deep_links_reach_a_paragraph_and_a_line(client, published_revision):
    page = client.get(f"/en{published_revision.get_absolute_url()[3:]}").content.decode()
    assert 'id="OP1"' in page  # …/rev/1/#OP1
    assert 'id="l1" data-line="1"' in page  # …/rev/1/#l1
    assert page.count('id="l1"') == 1


def test_the_reader_says_which_edition_the_line_numbers_belong_to(client, published_revision):
    path = published_revision.get_absolute_url()[3:]
    assert "English edition" in client.get(f"/en{path}").content.decode()
    assert "русской версии" in client.get(f"/ru{path}").content.decode()


def test_a_label_has_one_definition_in_sql_whatever_asks_for_it(published_revision):
    from drafts.models import Paragraph

    labelled = {p.pk: p.ordinal for p in published_revision.paragraphs.labelled()}
    alone = {p.pk: p.ordinal for p in published_revision.paragraphs.all()}  # one query each
    in_order = {p.pk: p.ordinal for p in paragraphs_numbered(published_revision)}
    assert labelled == alone == in_order
    op3 = Paragraph.objects.with_label("operative", 3).get(revision=published_revision)
    assert op3.code == "OP3"
    assert not Paragraph.objects.with_label("operative", 4).filter(revision=published_revision)


def test_published_is_a_rule_of_the_model_layer(draft_revision, secretariat):
    from drafts.models import OutcomeDocument, Revision
    from drafts.services import revision_publish

    document = draft_revision.document
    assert not document.is_published
    assert document not in OutcomeDocument.objects.published()
    assert list(Revision.objects.drafts().filter(document=document)) == [draft_revision]

    published = revision_publish(revision=draft_revision, user=secretariat)
    assert document.is_published
    assert list(OutcomeDocument.objects.published()) == [document]
    assert list(Revision.objects.published().filter(document=document)) == [published]
    assert document.latest_published_revision() == published
