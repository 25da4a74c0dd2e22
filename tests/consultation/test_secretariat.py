import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from consultation.models import Comment, CommentEvent, Position
from consultation.services import comment_create
from drafts.models import Revision
from drafts.services import revision_publish
from tests.factories import MembershipFactory, UserFactory

# These tests read the interface and the texts in English.
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def paragraph(published_revision):
    return published_revision.paragraphs.get(position=3)


@pytest.fixture
def comments(alice, bob, published_revision, paragraph):
    return [
        comment_create(
            author=alice, revision=published_revision, paragraph=paragraph, body="From A"
        ),
        comment_create(
            author=bob,
            revision=published_revision,
            paragraph=paragraph,
            kind="amendment",
            body="From B",
            proposed_text="decides to act at once;",
        ),
        comment_create(author=bob, revision=published_revision, body="=cmd|' /C calc'!A0"),
    ]


@pytest.fixture
def head(delegation_a):
    return MembershipFactory(
        user__email="hana@example.org", delegation=delegation_a, role="head"
    ).user


def _users(alice, head, secretariat):
    return {"outsider": UserFactory(), "delegate": alice, "head": head, "secretariat": secretariat}


@pytest.mark.parametrize("who", ["outsider", "delegate", "head", "secretariat"])
def test_triage_compilation_and_matrix_are_for_the_secretariat_only(
    client, alice, head, secretariat, published_revision, comments, who
):
    client.force_login(_users(alice, head, secretariat)[who])
    slug = published_revision.document.slug
    urls = [
        reverse("comment_triage"),
        reverse("compilation_download", args=[slug, 1, "csv"]),
        reverse("compilation_download", args=[slug, 1, "xlsx"]),
        reverse("position_matrix", args=[slug, 1]),
    ]
    expected = 200 if who == "secretariat" else 403
    for url in urls:
        assert client.get(url).status_code == expected, url
    answer = client.post(
        reverse("comment_answer", args=[comments[0].pk]), {"status": "accepted", "response": "Ok"}
    )
    assert answer.status_code == (302 if who == "secretariat" else 403)


def test_triage_filters_and_counts(client, secretariat, delegation_b, published_revision, comments):
    client.force_login(secretariat)
    url = reverse("comment_triage")

    response = client.get(url, {"delegation": delegation_b.pk, "status": "open"})
    listed = list(response.context["page"])
    counts = response.context["counts"]

    assert {c.pk for c in listed} == {comments[1].pk, comments[2].pk}
    assert [(str(row["delegation"]), row["total"]) for row in counts["per_delegation"]] == [
        ("Uzbekistan", 2)
    ]
    assert sorted(row["total"] for row in counts["per_paragraph"]) == [1, 1]
    label = comments[0].paragraph.code  # the triage filters by the paragraph's label (OP1)
    response = client.get(
        url, {"document": published_revision.document.pk, "revision": 1, "paragraph": label}
    )
    assert {c.pk for c in response.context["page"]} == {comments[0].pk, comments[1].pk}


@pytest.mark.parametrize(
    "query", [{"document": "abc"}, {"revision": "-1"}, {"delegation": "999999"}, {"page": "x"}]
)
def test_bad_triage_filters_are_reported_not_crashing(client, secretariat, comments, query):
    client.force_login(secretariat)
    response = client.get(reverse("comment_triage"), query)
    assert response.status_code == 200


def test_triage_answers_hides_and_restores_with_history(
    client, secretariat, bob, published_revision, comments
):
    client.force_login(secretariat)
    comment = comments[1]

    client.post(
        reverse("comment_answer", args=[comment.pk]),
        {"status": "partly", "response": "In part", "next": "/en/documents/triage/?status=open"},
    )
    assert (
        client.post(reverse("comment_hide", args=[comment.pk]), {"reason": ""}).status_code == 400
    )
    client.post(reverse("comment_hide", args=[comment.pk]), {"reason": "Duplicate"})
    client.force_login(bob)
    own_delegation = client.get(comment.get_in_text_url())
    assert b"From B" in own_delegation.content
    client.force_login(secretariat)
    client.post(reverse("comment_restore", args=[comment.pk]))

    comment.refresh_from_db()
    assert comment.status == "partly" and comment.response == "In part"
    assert comment.hidden_at is None
    history = client.get(reverse("comment_detail", args=[comment.pk]))
    assert [e.action for e in history.context["events"]] == [
        CommentEvent.Action.CREATED,
        CommentEvent.Action.ANSWERED,
        CommentEvent.Action.HIDDEN,
        CommentEvent.Action.RESTORED,
    ]
    assert b"Duplicate" in history.content
    assert (
        client.post(reverse("comment_answer", args=[comment.pk]), {"status": "bogus"}).status_code
        == 400
    )


def test_answer_redirect_refuses_other_sites(client, secretariat, comments):
    client.force_login(secretariat)
    response = client.post(
        reverse("comment_answer", args=[comments[0].pk]),
        {"status": "noted", "next": "//evil.example.org/"},
    )
    assert response["Location"] == f"{reverse('comment_triage')}#c-{comments[0].pk}"


def test_after_an_answer_triage_comes_back_with_its_filters_at_the_comment(
    client, secretariat, comments
):
    client.force_login(secretariat)
    here = f"{reverse('comment_triage')}?status=open&page=1"

    response = client.post(
        reverse("comment_answer", args=[comments[0].pk]), {"status": "noted", "next": here}
    )

    assert response["Location"] == f"{here}#c-{comments[0].pk}"


def test_compilation_downloads_as_csv_and_xlsx(client, secretariat, published_revision, comments):
    client.force_login(secretariat)
    slug = published_revision.document.slug

    response = client.get(reverse("compilation_download", args=[slug, 1, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert rows[0][0] == "Paragraph"
    assert [row[2] for row in rows[1:]] == ["Uzbekistan", "Kazakhstan", "Uzbekistan"]
    assert rows[1][4].startswith("'=")
    assert "decides to act at once;" in rows[3][4]

    response = client.get(reverse("compilation_download", args=[slug, 1, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][1:3] == ["Lines", "Delegation"]
    assert values[3][0] == "OP1" and values[3][3] == "Amendment"
    assert client.get(reverse("compilation_download", args=[slug, 1, "docx"])).status_code == 404


# --- Official positions ---------------------------------------------------------------------


def test_head_records_a_position_and_updates_it(client, head, alice, published_revision, paragraph):
    client.force_login(head)
    url = reverse("position_record", args=[published_revision.document.slug, 1, paragraph.key])

    assert client.post(url, {"stance": "objection", "reason": ""}).status_code == 400
    client.post(url, {"stance": "objection", "reason": "Too vague"})
    client.post(url, {"stance": "reservation", "reason": "Pending capital"})

    position = Position.objects.get()
    assert (position.stance, position.reason, position.updated_by) == (
        "reservation",
        "Pending capital",
        head,
    )
    client.force_login(alice)
    content = client.get(published_revision.get_absolute_url()).content.decode()
    assert "Pending capital" in content
    assert client.post(url, {"stance": "support"}).status_code == 403


def test_other_delegations_do_not_see_a_position_and_the_secretariat_sees_the_matrix(
    client, head, bob, secretariat, published_revision, paragraph
):
    client.force_login(head)
    client.post(
        reverse("position_record", args=[published_revision.document.slug, 1, paragraph.key]),
        {"stance": "objection", "reason": "Too vague"},
    )
    client.force_login(bob)
    assert b"Too vague" not in client.get(published_revision.get_absolute_url()).content

    client.force_login(secretariat)
    response = client.get(reverse("position_matrix", args=[published_revision.document.slug, 1]))
    assert b"Too vague" in response.content
    assert b"Objection" in response.content


def test_no_position_on_a_draft(client, head, published_revision):
    draft = Revision.objects.get(document=published_revision.document, number=2)
    key = draft.paragraphs.first().key
    client.force_login(head)
    url = reverse("position_record", args=[draft.document.slug, 2, key])
    assert client.post(url, {"stance": "support"}).status_code == 404


# --- Compare ---------------------------------------------------------------------------------


def _second_revision(secretariat, published_revision):
    from drafts.services import paragraph_add, paragraph_delete, paragraph_move, paragraph_update

    draft = Revision.objects.get(document=published_revision.document, number=2)
    paragraphs = list(draft.paragraphs.order_by("position"))
    paragraph_update(
        paragraph=paragraphs[2],
        user=secretariat,
        version=1,
        kind="operative",
        text_en="decides to act together;",
    )
    paragraph_delete(paragraph=paragraphs[3], user=secretariat, version=1)
    paragraph_move(paragraph=paragraphs[4], user=secretariat, direction="up")
    paragraph_add(revision=draft, user=secretariat, kind="operative", text_en="requests a report;")
    return draft


def test_compare_shows_inserted_deleted_moved_and_changed(client, secretariat, published_revision):
    draft = _second_revision(secretariat, published_revision)
    revision_publish(revision=draft, user=secretariat)
    url = reverse("revision_compare", args=[published_revision.document.slug])

    response = client.get(url, {"from": 1, "to": 2})

    kinds = [c.change for c in response.context["changes"]]
    assert response.status_code == 200
    assert sorted(kinds) == [
        "changed",
        "deleted",
        "inserted",
        "unchanged",
        "unchanged",
        "unchanged",
    ]
    assert any(c.moved for c in response.context["changes"])
    assert "<ins>together</ins>" in response.content.decode()
    assert client.get(url).status_code == 200  # defaults to the latest two


@pytest.mark.parametrize(
    ("query", "status"),
    [({"from": "a", "to": "2"}, 400), ({"from": "1"}, 400), ({"from": 1, "to": 9}, 404)],
)
def test_compare_rejects_bad_parameters_clearly(client, published_revision, query, status):
    url = reverse("revision_compare", args=[published_revision.document.slug])
    assert client.get(url, query).status_code == status


def test_the_public_cannot_compare_with_a_draft_but_the_secretariat_can(
    client, secretariat, published_revision
):
    url = reverse("revision_compare", args=[published_revision.document.slug])
    assert client.get(url, {"from": 1, "to": 2}).status_code == 404
    client.force_login(secretariat)
    assert client.get(url, {"from": 1, "to": 2}).status_code == 200


# --- The whole workflow ----------------------------------------------------------------------


def test_workflow_draft_publish_comment_amend_answer_next_revision_compare(
    client, secretariat, alice, bob, draft_revision, django_capture_on_commit_callbacks
):
    slug = draft_revision.document.slug
    client.force_login(secretariat)
    client.post(
        reverse("paragraph_add", args=[slug]), {"kind": "operative", "text_en": "invites all;"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("revision_publish", args=[slug]), {"summary_en": "First round"})
    first = Revision.objects.get(document=draft_revision.document, number=1)
    assert first.is_published

    target = first.paragraphs.get(text_en="invites all;")
    comment_url = reverse("comment_create", args=[slug, 1])
    client.force_login(alice)
    client.post(
        comment_url,
        {"paragraph": target.key, "kind": "comment", "body": "Whom?", "visibility": "all"},
    )
    client.force_login(bob)
    client.post(
        comment_url,
        {
            "paragraph": target.key,
            "kind": "amendment",
            "body": "Be precise",
            "proposed_text": "invites all member states;",
            "visibility": "all",
        },
    )
    amendment = Comment.objects.get(kind="amendment")

    client.force_login(secretariat)
    client.post(
        reverse("comment_answer", args=[amendment.pk]), {"status": "accepted", "response": "Taken"}
    )
    edit = reverse("paragraph_edit", args=[slug, target.key])
    draft_paragraph = Revision.objects.get(document=first.document, number=2).paragraphs.get(
        key=target.key
    )
    client.post(
        edit,
        {
            "kind": "operative",
            "text_en": "invites all member states;",
            "negotiation": "agreed",
            "version": draft_paragraph.version,
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("revision_publish", args=[slug]), {"summary_en": "Second round"})

    response = client.get(reverse("revision_compare", args=[slug]), {"from": 1, "to": 2})
    assert "<ins> member states</ins>" in response.content.decode()
    client.force_login(alice)
    reader = client.get(reverse("revision_detail", args=[slug, 2])).content.decode()
    assert "2 comments on Rev.1" in reader
    assert "Agreed" in reader


def test_a_superuser_without_a_delegation_cannot_record_a_position(
    client, published_revision, paragraph
):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("position_record", args=[published_revision.document.slug, 1, paragraph.key])

    assert client.post(url, {"stance": "support"}).status_code == 403
    assert b'name="stance"' not in client.get(published_revision.get_absolute_url()).content
    assert not Position.objects.exists()


def test_the_document_page_links_the_secretariat_screens(client, secretariat, published_revision):
    url = reverse("document_detail", args=[published_revision.document.slug])
    editor = reverse("draft_editor", args=[published_revision.document.slug])
    assert editor.encode() not in client.get(url).content
    client.force_login(secretariat)
    content = client.get(url).content.decode()
    assert editor in content
    assert "Revision 2" in content  # the draft, readable by the secretariat only


# --- Triage: where the secretariat spends its days ----------------------------------------


def test_triage_shows_each_amendment_as_a_diff_against_its_paragraph(
    client, secretariat, comments, paragraph
):
    client.force_login(secretariat)

    page = client.get(reverse("comment_triage")).content.decode()

    assert '<blockquote class="triage-paragraph" lang="en">' in page
    assert paragraph.text_en in page
    assert "<strong>Proposed text, against the paragraph:</strong>" in page


def test_triage_filters_by_kind_in_the_url(client, secretariat, comments):
    client.force_login(secretariat)

    page = client.get(reverse("comment_triage"), {"kind": "amendment"})

    assert [c.kind for c in page.context["page"]] == ["amendment"]
    assert client.get(reverse("comment_triage"), {"kind": "poem"}).status_code == 200
    assert client.get(reverse("comment_triage"), {"kind": "poem"}).context["form"].errors


def test_an_answer_sent_by_script_gets_json_and_the_page_is_not_reloaded(
    client, secretariat, comments
):
    client.force_login(secretariat)

    response = client.post(
        reverse("comment_answer", args=[comments[0].pk]),
        {"status": "accepted", "response": "Yes."},
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 200
    assert response.json() == {
        "id": comments[0].pk,
        "status": "accepted",
        "status_label": "Accepted",
        "response": "Yes.",
        "message": "The answer has been recorded.",
    }


def test_one_status_for_several_comments_each_in_its_history(client, secretariat, comments):
    client.force_login(secretariat)

    response = client.post(
        reverse("comment_bulk_status"),
        {"comments": [comments[0].pk, comments[1].pk], "status": "noted"},
    )
    refused = client.post(reverse("comment_bulk_status"), {"comments": ["x"], "status": "noted"})

    assert response.status_code == 302
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert [statuses[c.pk] for c in comments] == ["noted", "noted", "open"]
    assert CommentEvent.objects.filter(action="answered").count() == 2
    assert refused.status_code == 400


def test_an_answer_records_its_language_and_pages_mark_it(client, secretariat, alice, comments):
    """Issue #27, item 5: an answer's language is recorded like a comment's (the request's
    by default, or the one given), kept by a bulk status, and marked with `lang`."""
    from django.utils import translation

    from consultation.services import comment_answer, comments_set_status

    comment = comments[0]
    client.force_login(secretariat)
    client.post(
        reverse("comment_answer", args=[comment.pk]).replace("/en/", "/ru/"),
        {"status": "noted", "response": "Спасибо."},
    )
    comment.refresh_from_db()
    assert comment.response_language == "ru"

    comments_set_status(user=secretariat, ids=[comment.pk], status="accepted")
    comment.refresh_from_db()
    assert comment.response_language == "ru"

    comment = comment_answer(
        comment=comment, user=secretariat, status="accepted", response="Done.", language="en"
    )
    assert comment.response_language == "en"
    with translation.override("en"):  # the language the answer is written in
        comment_answer(comment=comment, user=secretariat, status="accepted", response="Готово.")
    comment.refresh_from_db()
    assert comment.response_language == "en"

    comment = comment_answer(
        comment=comment, user=secretariat, status="accepted", response="Готово.", language="ru"
    )
    page = client.get(reverse("comment_detail", args=[comment.pk])).content.decode()
    assert '<span lang="ru">Готово.</span>' in page
    assert f'lang="{comment.language}"' in page
    triage = client.get(reverse("comment_triage")).content.decode()
    assert 'lang="ru">Готово.</textarea>' in triage
    client.force_login(alice)
    api = client.get(f"/api/v1/comments/{comment.pk}/").json()
    assert api["response_language"] == "ru"
