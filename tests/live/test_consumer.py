"""The WebSocket of a live session: the session cookie's user and the same rule as the page;
other origins refused; the whole state on connect, then the changes; bad messages and floods
close the socket, and the session goes on."""

import json

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from live.models import LiveSession
from live.services import paragraph_edit
from summit.asgi import application

# anyio's pytest plugin runs the coroutines (no other async plugin is installed).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.anyio]


@pytest.fixture
def anyio_backend():
    return "asyncio"


ORIGIN = (b"origin", b"http://testserver")


@pytest.fixture(autouse=True)
def in_memory_layer(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def cookie_for(user) -> bytes:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend allauth logs people in with.
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}".encode()


async def connect(session_id, user=None, origin=ORIGIN):
    headers = [origin] if origin else []
    if user is not None:
        headers.append((b"cookie", await sync_to_async(cookie_for)(user)))
    communicator = WebsocketCommunicator(application, f"/ws/live/{session_id}/", headers=headers)
    connected, code = await communicator.connect()
    return communicator, connected, code


async def test_a_delegate_gets_the_whole_state_then_the_changes(live_session, alice, secretariat):
    communicator, connected, _ = await connect(live_session.pk, alice)
    assert connected
    first = await communicator.receive_json_from()
    assert first["type"] == "state"
    assert first["state"]["version"] == 1
    key = first["state"]["paragraphs"][2]["key"]
    await sync_to_async(paragraph_edit)(
        session=live_session, key=key, user=secretariat, version=1, text="in the room"
    )
    event = await communicator.receive_json_from(timeout=2)
    assert event["type"] == "paragraph"
    assert event["version"] == 2
    assert event["paragraph"]["text"] == "in the room"
    await communicator.disconnect()


async def test_an_anonymous_socket_is_closed_unless_the_session_is_public(live_session):
    communicator, connected, _ = await connect(live_session.pk)
    assert connected
    closed = await communicator.receive_output()
    assert closed == {"type": "websocket.close", "code": 4403}
    await sync_to_async(LiveSession.objects.filter(pk=live_session.pk).update)(is_public=True)
    communicator, connected, _ = await connect(live_session.pk)
    assert (await communicator.receive_json_from())["type"] == "state"
    await communicator.disconnect()


async def test_another_origin_is_refused(live_session, alice):
    communicator, connected, _ = await connect(
        live_session.pk, alice, origin=(b"origin", b"https://evil.example.com")
    )
    assert not connected


async def test_an_unknown_session_closes(alice, db):
    communicator, connected, _ = await connect(999999, alice)
    assert (await communicator.receive_output())["code"] == 4404


@pytest.mark.parametrize(
    "message", ["not json", json.dumps({"type": "edit", "text": "x"}), json.dumps([1]), "x" * 5000]
)
async def test_a_bad_message_closes_the_socket_and_the_session_goes_on(
    live_session, alice, message
):
    communicator, _, _ = await connect(live_session.pk, alice)
    await communicator.receive_json_from()
    await communicator.send_to(text_data=message)
    assert (await communicator.receive_output())["code"] == 4400
    other, _, _ = await connect(live_session.pk, alice)
    assert (await other.receive_json_from())["type"] == "state"
    await other.disconnect()


async def test_a_flood_closes_the_socket(live_session, alice):
    communicator, _, _ = await connect(live_session.pk, alice)
    await communicator.receive_json_from()
    for _ in range(25):
        await communicator.send_json_to({"type": "ping"})
    outputs = []
    while True:
        output = await communicator.receive_output(timeout=2)
        outputs.append(output)
        if output["type"] == "websocket.close":
            break
    assert outputs[-1]["code"] == 4429


async def test_a_delegate_asks_for_the_floor_on_the_socket(live_session, alice):
    communicator, _, _ = await connect(live_session.pk, alice)
    await communicator.receive_json_from()
    await communicator.send_json_to({"type": "floor"})
    answers = [await communicator.receive_json_from(timeout=2) for _ in range(2)]
    queue = next(a for a in answers if a["type"] == "queue")
    assert [entry["code"] for entry in queue["queue"]] == ["KZ"]
    assert next(a for a in answers if a["type"] == "floor")["requested"] is True
    await communicator.disconnect()
