"""The WebSocket of a live session, /ws/live/<id>/: as thin as a view.

It reads the user from the session cookie (AuthMiddlewareStack), asks the same rule as the
page and the API (live.follow_session), sends the whole current state, then every change the
services broadcast after commit. A client may ask for the state again, send a ping, or ask
for the floor (the same service as the API); a ping is answered with the session's version; anything else, text that is not JSON, or a
flood of messages closes the socket. The session goes on for everybody else.
"""

import functools
import json
import time

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError

from .models import LiveSession
from .selectors import session_state
from .services import floor_toggle

# Close codes (4000-4999 are the application's).
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_BAD_MESSAGE = 4400
CLOSE_FLOOD = 4429

MAX_MESSAGE = 1024  # nothing a follower sends is longer
RATE_MESSAGES = 20  # at most this many messages…
RATE_SECONDS = 10  # …in this many seconds


# Not thread-sensitive: Channels would otherwise run every consumer's queries, and every sync
# view of the process, on one thread, where 300 followers' connections and heartbeats queue
# up in front of the chair's edit. Each call gets a connection of its own thread.
reads = functools.partial(database_sync_to_async, thread_sensitive=False)


@reads
def _load(session_id: int, user):
    session = LiveSession.objects.filter(pk=session_id).select_related("revision").first()
    if session is None:
        return None, False
    return session, user.has_perm("live.follow_session", session)


@reads
def _state(session: LiveSession) -> dict:
    return session_state(session)


# The session's version as the heartbeats read it, per process, for a second: 300 followers
# pinging every 5 s cost one query a second, not sixty.
_versions: dict[int, tuple[int, float]] = {}
VERSION_SECONDS = 1.0


@reads
def _version_read(session_id: int) -> int:
    return LiveSession.objects.filter(pk=session_id).values_list("version", flat=True).first() or 0


async def _version(session: LiveSession) -> int:
    known = _versions.get(session.pk)
    now = time.monotonic()
    if known is None or now - known[1] > VERSION_SECONDS:
        known = (await _version_read(session.pk), now)
        _versions[session.pk] = known
    return known[0]


@database_sync_to_async
def _floor(session: LiveSession, user) -> bool:
    return floor_toggle(session=session, user=user)


class LiveConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.session = None
        self.sent_at: list[float] = []
        user = self.scope.get("user")
        session_id = self.scope["url_route"]["kwargs"]["session_id"]
        session, allowed = await _load(session_id, user)
        if session is None or not allowed:
            # Accept then close with a reason: a refused handshake tells the client nothing.
            await self.accept()
            await self.close(code=CLOSE_NOT_FOUND if session is None else CLOSE_FORBIDDEN)
            return
        self.session = session
        self.user = user
        await self.channel_layer.group_add(session.group_name, self.channel_name)
        await self.accept()
        await self.send_state()

    async def disconnect(self, code):
        if self.session is not None:
            await self.channel_layer.group_discard(self.session.group_name, self.channel_name)

    async def send_state(self):
        state = await _state(self.session)
        await self.send(text_data=json.dumps({"type": "state", "state": state}))

    async def receive(self, text_data=None, bytes_data=None):
        if self.session is None:
            return
        now = time.monotonic()
        self.sent_at = [t for t in self.sent_at if now - t < RATE_SECONDS] + [now]
        if len(self.sent_at) > RATE_MESSAGES:
            await self.close(code=CLOSE_FLOOD)
            return
        if text_data is None or len(text_data) > MAX_MESSAGE:
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        try:
            message = json.loads(text_data)
        except ValueError:
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        kind = message.get("type") if isinstance(message, dict) else None
        if kind == "ping":
            # With the session's version: a client that missed a message (the channel layer
            # restarted under it) sees the gap and asks for the state.
            version = await _version(self.session)
            await self.send(text_data=json.dumps({"type": "pong", "version": version}))
        elif kind == "state":
            await self.send_state()
        elif kind == "floor":
            try:
                requested = await _floor(self.session, self.user)
            except (PermissionDenied, ValidationError):
                await self.close(code=CLOSE_FORBIDDEN)
                return
            await self.send(text_data=json.dumps({"type": "floor", "requested": requested}))
        else:
            await self.close(code=CLOSE_BAD_MESSAGE)

    async def live_event(self, message):
        # Already JSON (live.services.broadcast): the same text for every follower.
        await self.send(text_data=message["text"])
