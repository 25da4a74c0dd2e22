"""The live sessions' API, as issue #26 writes it."""

import pytest
from django.core.cache import cache

from live.models import LiveSession
from tests.api.conftest import client_for
from tests.factories import OutcomeDocumentFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def opened(secretariat, draft_revision, **data):
    response = client_for(secretariat).post(
        f"/api/v1/documents/{draft_revision.document_id}/live/", data, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_the_secretariat_opens_a_session_on_the_documents_draft(secretariat, draft_revision):
    body = opened(secretariat, draft_revision, language="en")
    assert {"id", "language", "focus", "version", "paragraphs"} <= body.keys()
    assert body["language"] == "en"
    assert set(body["paragraphs"][0]) >= {"key", "label", "text", "negotiation", "version"}
    assert body["focus"] == body["paragraphs"][0]["key"]


def test_opening_twice_or_without_a_draft_is_a_400(secretariat, draft_revision):
    opened(secretariat, draft_revision)
    again = client_for(secretariat).post(
        f"/api/v1/documents/{draft_revision.document_id}/live/", {}, format="json"
    )
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "invalid"
    no_draft = OutcomeDocumentFactory()
    response = client_for(secretariat).post(
        f"/api/v1/documents/{no_draft.pk}/live/", {}, format="json"
    )
    assert response.status_code == 400


def test_a_delegate_cannot_open_a_session(alice, draft_revision, published_revision):
    response = client_for(alice).post(
        f"/api/v1/documents/{draft_revision.document_id}/live/", {}, format="json"
    )
    assert response.status_code in (403, 404)  # a draft-only document is not even visible
    assert "error" in response.json()


def test_the_state_has_an_etag_and_a_queue(secretariat, alice, draft_revision):
    body = opened(secretariat, draft_revision)
    client = client_for(alice)
    first = client.get(f"/api/v1/live/{body['id']}/")
    assert first.status_code == 200
    assert first.json()["queue"] == []
    again = client.get(f"/api/v1/live/{body['id']}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    client.post(f"/api/v1/live/{body['id']}/floor/", {}, format="json")
    changed = client.get(f"/api/v1/live/{body['id']}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert [entry["code"] for entry in changed.json()["queue"]] == ["KZ"]


def test_the_public_follows_only_a_public_session(secretariat, draft_revision):
    body = opened(secretariat, draft_revision)
    assert client_for(None).get(f"/api/v1/live/{body['id']}/").status_code == 401
    LiveSession.objects.filter(pk=body["id"]).update(is_public=True)
    assert client_for(None).get(f"/api/v1/live/{body['id']}/").status_code == 200


def test_an_edit_answers_the_new_version_and_a_stale_one_409_with_the_current_text(
    secretariat, draft_revision
):
    body = opened(secretariat, draft_revision)
    key = body["paragraphs"][2]["key"]
    client = client_for(secretariat)
    url = f"/api/v1/live/{body['id']}/paragraphs/{key}/"
    first = client.patch(
        url, {"version": 1, "text": "[calls for] the chair's words"}, format="json"
    )
    assert first.status_code == 200
    assert first.json()["version"] == 2
    stale = client.patch(url, {"version": 1, "text": "the secretary's words"}, format="json")
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert (error["current_text"], error["current_version"]) == ("[calls for] the chair's words", 2)
    status = client.patch(url, {"version": 2, "negotiation": "ad_referendum"}, format="json")
    assert status.json()["negotiation"] == "ad_referendum"


def test_only_the_secretariat_edits(secretariat, alice, head_a, draft_revision):
    body = opened(secretariat, draft_revision)
    key = body["paragraphs"][2]["key"]
    for user in (alice, head_a):
        response = client_for(user).patch(
            f"/api/v1/live/{body['id']}/paragraphs/{key}/",
            {"version": 1, "text": "x"},
            format="json",
        )
        assert response.status_code == 403
        assert response.json()["error"]["status"] == 403


def test_bad_edits_are_4xx_and_the_session_goes_on(secretariat, draft_revision):
    body = opened(secretariat, draft_revision)
    client = client_for(secretariat)
    key = body["paragraphs"][2]["key"]
    base = f"/api/v1/live/{body['id']}/paragraphs/"
    huge = client.patch(f"{base}{key}/", {"version": 1, "text": "x" * 1_000_000}, format="json")
    assert huge.status_code in (400, 413)
    assert (
        client.patch(f"{base}nosuchkey/", {"version": 1, "text": "x"}, format="json").status_code
        == 404
    )
    assert (
        client.patch(f"{base}{key}/", {"version": "1", "text": "x"}, format="json").status_code
        == 400
    )
    assert client.patch(f"{base}{key}/", {"version": 1}, format="json").status_code == 400
    assert (
        client.patch(
            f"{base}{key}/", {"version": 1, "negotiation": "maybe"}, format="json"
        ).status_code
        == 400
    )
    assert (
        client.patch(f"{base}{key}/", "not json", content_type="application/json").status_code
        == 400
    )
    assert (
        client.post(
            f"/api/v1/live/{body['id']}/focus/", {"key": "nosuchkey"}, format="json"
        ).status_code
        == 400
    )
    assert client.get("/api/v1/live/999999999/").status_code == 404
    ok = client.patch(f"{base}{key}/", {"version": 1, "text": "still here"}, format="json")
    assert ok.status_code == 200


def test_focus_bis_and_close(secretariat, draft_revision):
    body = opened(secretariat, draft_revision, language="en")
    client = client_for(secretariat)
    key = body["paragraphs"][3]["key"]
    focus = client.post(f"/api/v1/live/{body['id']}/focus/", {"key": key}, format="json")
    assert focus.status_code == 200 and focus.json()["focus"] == key
    bis = client.post(
        f"/api/v1/live/{body['id']}/paragraphs/{key}/bis/", {"text": "New"}, format="json"
    )
    assert bis.status_code == 201 and bis.json()["label"] == "OP2 bis"
    closed = client.post(f"/api/v1/live/{body['id']}/close/")
    assert closed.status_code == 200
    assert closed.json() == {"revision": draft_revision.number}
    assert draft_revision.paragraphs.filter(text_en="New").exists()
    after = client.patch(
        f"/api/v1/live/{body['id']}/paragraphs/{key}/",
        {"version": 1, "text": "late"},
        format="json",
    )
    assert after.status_code == 400


def test_a_flood_of_floor_requests_is_throttled(secretariat, alice, draft_revision):
    body = opened(secretariat, draft_revision)
    client = client_for(alice)
    answers = [
        client.post(f"/api/v1/live/{body['id']}/floor/", {}, format="json").status_code
        for _ in range(35)
    ]
    assert answers[:30] == [200] * 30
    assert answers[-1] == 429
    assert client.get(f"/api/v1/live/{body['id']}/").status_code == 200


def test_the_chair_gives_the_floor(secretariat, alice, draft_revision):
    body = opened(secretariat, draft_revision)
    client_for(alice).post(f"/api/v1/live/{body['id']}/floor/", {}, format="json")
    delegation = alice.membership.delegation_id
    answer = client_for(secretariat).post(
        f"/api/v1/live/{body['id']}/floor/", {"delegation": delegation}, format="json"
    )
    assert answer.json()["queue"] == []
    refused = client_for(alice).post(
        f"/api/v1/live/{body['id']}/floor/", {"delegation": delegation}, format="json"
    )
    assert refused.status_code == 403
