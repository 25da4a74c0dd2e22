"""Random bodies to every live endpoint and the open form: never a 5xx, and the session goes
on (the chair can still edit)."""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from tests.api.conftest import client_for
from tests.test_fuzz_inputs import FUZZ, form_bodies, raw_bodies


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_random_bodies_to_the_live_api_never_fail_the_server(
    live_session, secretariat, alice, client, draft_revision
):
    key = live_session.paragraphs.order_by("position").first().key
    base = f"/api/v1/live/{live_session.pk}/"
    targets = [
        ("PATCH", f"{base}paragraphs/{key}/", ["version", "text", "negotiation"]),
        ("POST", f"{base}paragraphs/{key}/bis/", ["text"]),
        ("POST", f"{base}focus/", ["key"]),
        ("POST", f"{base}floor/", ["delegation"]),
        (
            "POST",
            f"/api/v1/documents/{draft_revision.document_id}/live/",
            ["language", "is_public"],
        ),
    ]
    clients = [client_for(secretariat), client_for(alice)]

    @FUZZ
    @given(data=st.data())
    def send(data):
        method, url, names = data.draw(st.sampled_from(targets))
        body = data.draw(raw_bodies(names))
        api = data.draw(st.sampled_from(clients))
        response = api.generic(method, url, body, content_type="application/json")
        assert response.status_code < 500, (url, body[:200], response.status_code)
        cache.clear()  # the floor's throttle is its own test

    send()
    client.force_login(secretariat)

    @FUZZ
    @given(body=form_bodies(["language", "is_public"]))
    def open_form(body):
        response = client.generic(
            "POST",
            f"/en/live/document/{draft_revision.document.slug}/",
            body,
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code < 500

    open_form()
    paragraph = live_session.paragraphs.get(key=key)
    answer = client_for(secretariat).patch(
        f"{base}paragraphs/{key}/",
        {"version": paragraph.version, "text": "still on"},
        format="json",
    )
    assert answer.status_code == 200
