"""The live session's pages: one rule (live/permissions.py) for the page, the API and the socket."""

import pytest

from live.services import paragraph_edit, session_close


def keys(session):
    return list(session.paragraphs.order_by("position").values_list("key", flat=True))


def test_a_delegate_follows_the_text_with_the_floor_button(client, live_session, alice):
    client.force_login(alice)
    response = client.get(f"/en/live/{live_session.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Request the floor for my delegation" in html
    assert 'http-equiv="refresh"' in html  # without JavaScript, it refreshes itself
    assert "Declaration" in html


@pytest.mark.parametrize("page", ["", "screen/"])
def test_the_public_sees_only_a_public_session(client, live_session, page):
    response = client.get(f"/en/live/{live_session.pk}/{page}")
    assert response.status_code == 302
    live_session.is_public = True
    live_session.save()
    assert client.get(f"/en/live/{live_session.pk}/{page}").status_code == 200


def test_the_chairs_screen_is_the_secretariats(client, live_session, alice, secretariat):
    client.force_login(alice)
    assert client.get(f"/en/live/{live_session.pk}/chair/").status_code == 403
    client.force_login(secretariat)
    html = client.get(f"/en/live/{live_session.pk}/chair/").content.decode()
    assert "Ctrl" in html and "Insert “bis” after it" in html


def test_the_screen_marks_insertions_and_deletions(client, live_session, secretariat):
    key = keys(live_session)[0]
    paragraph_edit(
        session=live_session, key=key, user=secretariat, version=1, text="Ministerial Declaration"
    )
    client.force_login(secretariat)
    html = client.get(f"/en/live/{live_session.pk}/screen/").content.decode()
    assert "<ins>Ministerial </ins>" in html or "<ins>Ministerial</ins>" in html
    # The Russian text of the paragraph no longer says the same: it is marked for updating.
    assert html.count('class="live-outdated"') == 1


def test_a_closed_session_shows_its_log(client, live_session, secretariat, alice):
    key = keys(live_session)[2]
    paragraph_edit(session=live_session, key=key, user=secretariat, version=1, text="Agreed words")
    paragraph_edit(session=live_session, key=key, user=secretariat, version=2, negotiation="agreed")
    session_close(session=live_session, user=secretariat)
    client.force_login(alice)
    html = client.get(f"/en/live/{live_session.pk}/").content.decode()
    assert "Log of the live session" in html
    assert "<ins>Agreed</ins>" in html and "<ins>words</ins>" in html
    assert "Proposed → Agreed" in html


def test_the_secretariat_opens_a_session_from_the_documents_page(
    client, secretariat, draft_revision
):
    client.force_login(secretariat)
    document = draft_revision.document
    page = client.get(f"/en/documents/{document.slug}/").content.decode()
    assert f"/en/live/document/{document.slug}/" in page
    response = client.post(f"/en/live/document/{document.slug}/", {"language": "en"})
    assert response.status_code == 302 and response["Location"].endswith("/chair/")
    again = client.post(f"/en/live/document/{document.slug}/", {"language": "en"})
    assert again.status_code == 400
    assert "A live session is already open on this document." in again.content.decode()


def test_a_delegate_cannot_open_a_session(client, alice, draft_revision):
    client.force_login(alice)
    assert client.post(f"/en/live/document/{draft_revision.document.slug}/").status_code == 403
