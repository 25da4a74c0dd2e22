"""Comments through the API: the same rules as the web pages, the services' errors as JSON."""

import pytest

from consultation.models import Comment
from consultation.services import comment_answer, comment_create

COMMENTS = "/api/v1/comments/"


@pytest.fixture
def paragraph(published_revision):
    return published_revision.paragraphs.get(position=3)


@pytest.fixture
def alices_comment(alice, published_revision, paragraph):
    return comment_create(
        author=alice, revision=published_revision, paragraph=paragraph, body="Support."
    )


@pytest.fixture
def alices_private_note(alice, published_revision, paragraph):
    return comment_create(
        author=alice,
        revision=published_revision,
        paragraph=paragraph,
        body="For the secretariat only.",
        visibility=Comment.Visibility.SECRETARIAT,
    )


def listed(client, query=""):
    return [c["body"] for c in client.get(COMMENTS + query).json()["results"]]


def test_anonymous_clients_see_no_comments(anonymous, alices_comment):
    response = anonymous.get(COMMENTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert anonymous.get(f"{COMMENTS}{alices_comment.pk}/").status_code == 401


def test_each_delegate_sees_what_the_rules_allow(
    as_alice, as_bob, as_secretariat, alices_comment, alices_private_note
):
    assert listed(as_alice) == ["Support.", "For the secretariat only."]
    assert listed(as_bob) == ["Support."]
    assert listed(as_secretariat) == ["Support.", "For the secretariat only."]
    assert as_bob.get(f"{COMMENTS}{alices_private_note.pk}/").status_code == 404
    assert as_alice.get(f"{COMMENTS}{alices_private_note.pk}/").json()["visibility"] == (
        "secretariat"
    )


def test_comments_are_filtered(as_secretariat, alices_comment, bob, published_revision):
    comment_create(author=bob, revision=published_revision, body="Whole document.", kind="comment")
    document = published_revision.document_id

    assert listed(as_secretariat, "?delegation=uz") == ["Whole document."]
    assert listed(as_secretariat, f"?document={document}&revision=1&kind=comment") == [
        "Support.",
        "Whole document.",
    ]
    assert listed(as_secretariat, f"?paragraph={alices_comment.paragraph_id}") == ["Support."]
    assert listed(as_secretariat, "?status=accepted") == []


def test_a_delegate_proposes_an_amendment(as_alice, alice, paragraph):
    response = as_alice.post(
        COMMENTS,
        {"paragraph": paragraph.pk, "kind": "amendment", "body": "Better.", "proposed_text": "X;"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["delegation"], body["paragraph_key"]) == (
        "amendment",
        "kz",
        paragraph.key,
    )
    assert Comment.objects.get().author == alice


def test_a_comment_on_the_whole_document_goes_to_its_latest_published_revision(
    as_bob, published_revision
):
    response = as_bob.post(
        COMMENTS, {"document": published_revision.document_id, "body": "Overall fine."}, "json"
    )

    assert response.status_code == 201
    assert response.json()["revision"] == 1
    assert response.json()["paragraph"] is None


def test_a_reply_joins_the_thread(as_bob, alices_comment):
    response = as_bob.post(COMMENTS, {"parent": alices_comment.pk, "body": "Agreed."}, "json")

    assert response.status_code == 201
    assert response.json()["parent"] == alices_comment.pk
    assert response.json()["paragraph"] == alices_comment.paragraph_id


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "amendment", "body": "x"}, "proposed_text"),
        ({"body": ""}, "body"),
        ({"body": "x" * 5001}, "body"),
        ({"kind": "nonsense", "body": "x"}, "kind"),
        ({"paragraph": 999999, "body": "x"}, "paragraph"),
        ({"body": "no target"}, "document"),
    ],
)
def test_invalid_comments_are_400_with_the_field_named(as_alice, paragraph, payload, field):
    payload = {"paragraph": paragraph.pk, **payload}
    if field == "document":
        payload.pop("paragraph")

    response = as_alice.post(COMMENTS, payload, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert not Comment.objects.exists()


def test_nobody_comments_on_a_paragraph_of_the_draft(as_alice, published_revision):
    draft_paragraph = published_revision.document.revisions.get(number=2).paragraphs.first()

    response = as_alice.post(COMMENTS, {"paragraph": draft_paragraph.pk, "body": "x"}, "json")

    assert response.status_code == 400
    assert "paragraph" in response.json()["error"]["fields"]


def test_commenting_after_the_consultation_closed_is_403(as_alice, paragraph):
    document = paragraph.revision.document
    document.status = document.Status.CLOSED
    document.save()

    response = as_alice.post(COMMENTS, {"paragraph": paragraph.pk, "body": "Late."}, "json")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_the_author_edits_with_the_version_read(as_alice, alices_comment):
    path = f"{COMMENTS}{alices_comment.pk}/"

    edited = as_alice.patch(path, {"body": "Strong support.", "version": 1}, "json")
    stale = as_alice.patch(path, {"body": "Overwrite.", "version": 1}, "json")

    assert edited.status_code == 200
    assert edited.json()["version"] == 2
    assert stale.status_code == 409
    assert stale.json()["error"] == {
        "status": 409,
        "code": "edit_conflict",
        "message": stale.json()["error"]["message"],
        "current_version": 2,
    }
    alices_comment.refresh_from_db()
    assert alices_comment.body == "Strong support."


@pytest.mark.parametrize(("role", "status"), [("bob", 403), ("secretariat", 403)])
def test_nobody_else_edits_a_comment(clients, role, status, alices_comment):
    response = clients[role].patch(
        f"{COMMENTS}{alices_comment.pk}/", {"body": "Hijack.", "version": 1}, "json"
    )

    assert response.status_code == status
    alices_comment.refresh_from_db()
    assert alices_comment.body == "Support."


def test_an_answered_comment_can_no_longer_be_edited(as_alice, alices_comment, secretariat):
    comment_answer(comment=alices_comment, user=secretariat, status="noted", response="")

    response = as_alice.patch(
        f"{COMMENTS}{alices_comment.pk}/", {"body": "x", "version": 2}, "json"
    )

    assert response.status_code == 403


def test_put_is_not_offered(as_alice, alices_comment):
    response = as_alice.put(f"{COMMENTS}{alices_comment.pk}/", {"body": "x"}, "json")

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize(("role", "status"), [("alice", 403), ("bob", 403), ("secretariat", 200)])
def test_only_the_secretariat_answers(clients, role, status, alices_comment):
    response = clients[role].post(
        f"{COMMENTS}{alices_comment.pk}/response/",
        {"status": "accepted", "response": "Reflected in Rev.2."},
        "json",
    )

    assert response.status_code == status
    alices_comment.refresh_from_db()
    assert (alices_comment.status == "accepted") == (status == 200)
    if status == 200:
        assert response.json()["response"] == "Reflected in Rev.2."


def test_an_answer_with_an_unknown_status_is_400(as_secretariat, alices_comment):
    response = as_secretariat.post(
        f"{COMMENTS}{alices_comment.pk}/response/", {"status": "maybe"}, "json"
    )

    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]


def test_session_authentication_needs_the_csrf_token(alice, alices_comment, client):
    from rest_framework.test import APIClient

    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(alice)

    response = browser.post(
        COMMENTS, {"document": alices_comment.revision.document_id, "body": "x"}, "json"
    )

    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 401), ("alice", 201), ("bob", 201), ("secretariat", 201)]
)
def test_who_may_comment_on_a_published_revision(clients, role, status, paragraph):
    response = clients[role].post(COMMENTS, {"paragraph": paragraph.pk, "body": "Noted."}, "json")

    assert response.status_code == status
    assert Comment.objects.count() == (1 if status == 201 else 0)


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 401), ("alice", 200), ("bob", 200), ("secretariat", 200)]
)
def test_who_may_read_a_comment_visible_to_all(clients, role, status, alices_comment):
    response = clients[role].get(f"{COMMENTS}{alices_comment.pk}/")

    assert response.status_code == status
