"""Benchmark of live negotiation (issue #26): `python bench/live.py`.

Starts its own Redis (a redis-server on 127.0.0.1:BENCH_REDIS_PORT, never the shared one)
and one daphne serving summit.asgi with the Redis channel layer, on 127.0.0.1, with a
PostgreSQL database of its own (res_live_bench; SQLite when PostgreSQL is not there). Then:

1. baseline: one follower; the secretariat makes EDITS edits through the API; the time from
   sending each edit to the follower's receiving it;
2. FOLLOWERS WebSocket followers (a delegate's session cookie each); the same edits; p50,
   p95 and max of edit → delivery over every (edit, follower), as ratios of the baseline;
   the daphne process's memory per connection;
3. Redis restarted mid-session: the followers' sockets stay open on daphne; edits go on
   (saved, their messages lost while Redis is down); the time from Redis being back until
   every follower holds the latest version (they catch up through the heartbeat's version,
   as the pages do: a ping every 5 s).

Followers are coroutines of this process (a minimal WebSocket client below), so the clocks
compare.

With BENCH_API=gunicorn the secretariat's edits go to a gunicorn (2 workers, the production
settings) beside daphne, as docker-compose splits them (`web` serves the API, `live` only the
WebSockets); by default daphne serves both, as `make run`'s one process does.
"""

import asyncio
import base64
import json
import os
import secrets
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="live-bench-"))
FOLLOWERS = int(os.environ.get("BENCH_FOLLOWERS", "300"))
EDITS = int(os.environ.get("BENCH_EDITS", "20"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6391"))
HEARTBEAT = 5.0  # seconds, as static/js/live.js
PG = "postgres://postgres@127.0.0.1:5432/res_live_bench"
API_ON = os.environ.get("BENCH_API", "daphne")  # or gunicorn: who serves the edits


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_port(port: int, timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


def _database_url() -> str:
    try:
        import psycopg2

        connection = psycopg2.connect("dbname=postgres user=postgres host=127.0.0.1")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("DROP DATABASE IF EXISTS res_live_bench")
            cursor.execute("CREATE DATABASE res_live_bench")
        connection.close()
        return PG
    except Exception:
        return f"sqlite:///{WORK / 'bench.sqlite3'}"


DAPHNE_PORT = _free_port()
API_PORT = _free_port() if API_ON == "gunicorn" else DAPHNE_PORT
ENV = {
    "DJANGO_SETTINGS_MODULE": "summit.settings",
    "DATABASE_URL": _database_url(),
    "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
    "CELERY_TASK_ALWAYS_EAGER": "true",
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "READ_DOT_ENV": "0",
    "LOG_LEVEL": "ERROR",
    "LOG_FORMAT": "text",
    "API_THROTTLE_USER": "100000/minute",
    "MEDIA_ROOT": str(WORK / "media"),
    "PRIVATE_MEDIA_ROOT": str(WORK / "private"),
}
os.environ.update(ENV)


def redis_start() -> subprocess.Popen:
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_port(REDIS_PORT)
    return process


redis = redis_start()

import django  # noqa: E402

django.setup()

import psutil  # noqa: E402
import requests  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from accounts.models import User  # noqa: E402
from delegations.models import Delegation, Membership  # noqa: E402
from drafts.models import OutcomeDocument, Paragraph, Revision  # noqa: E402
from live.services import session_open  # noqa: E402
from programme.models import Summit  # noqa: E402


def setup() -> tuple[int, str, str, str]:
    call_command("migrate", verbosity=0)
    staff = User.objects.create_user(email="chair@example.org", password="x", is_secretariat=True)
    TOTP.activate(staff, generate_totp_secret())
    delegation = Delegation.objects.create(
        name_en="Kazakhstan", iso_code="KZ", slug="kz", kind="member_state"
    )
    delegate = User.objects.create_user(email="kz@example.org", password="x")
    Membership.objects.create(user=delegate, delegation=delegation, role="delegate")
    summit = Summit.objects.create(name_en="Summit", acronym="B", host_city_en="Astana")
    document = OutcomeDocument.objects.create(
        summit=summit, kind="declaration", title_en="Declaration", symbol="B/1", slug="b1"
    )
    draft = Revision.objects.create(document=document, number=1)
    for position in range(1, 21):
        Paragraph.objects.create(
            revision=draft,
            position=position,
            kind="operative",
            text_en=f"decides to act on matter {position}, in the words of a paragraph of "
            "ordinary length for a declaration of this kind;",
        )
    session = session_open(revision=draft, user=staff, language="en")
    store = SessionStore()
    store[SESSION_KEY] = str(delegate.pk)
    store[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    store[HASH_SESSION_KEY] = delegate.get_session_auth_hash()
    store.save()
    key = session.paragraphs.get(position=3).key
    token = Token.objects.create(user=staff).key
    return session.pk, key, f"{settings.SESSION_COOKIE_NAME}={store.session_key}", token


# A minimal WebSocket client on asyncio (RFC 6455: the handshake, text frames, ping, close):
# 300 of them in one event loop cost this process little, where 300 threads contending for
# the GIL would have measured the client rather than the server.
async def ws_open(path: str, cookie: str):
    reader, writer = await asyncio.open_connection("127.0.0.1", DAPHNE_PORT)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(
        (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{DAPHNE_PORT}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: http://127.0.0.1:{DAPHNE_PORT}\r\nCookie: {cookie}\r\n\r\n"
        ).encode()
    )
    await writer.drain()
    answer = await reader.readuntil(b"\r\n\r\n")
    if b" 101 " not in answer.split(b"\r\n", 1)[0]:
        writer.close()
        raise ConnectionError(answer[:80])
    return reader, writer


def ws_frame(opcode: int, data: bytes) -> bytes:
    mask = os.urandom(4)
    n = len(data)
    if n < 126:
        header = bytes([0x80 | opcode, 0x80 | n])
    elif n < 65536:
        header = bytes([0x80 | opcode, 0x80 | 126]) + struct.pack("!H", n)
    else:
        header = bytes([0x80 | opcode, 0x80 | 127]) + struct.pack("!Q", n)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data))


async def ws_receive(reader) -> tuple[int, bytes]:
    head = await reader.readexactly(2)
    length = head[1] & 0x7F
    if length == 126:
        length = struct.unpack("!H", await reader.readexactly(2))[0]
    elif length == 127:
        length = struct.unpack("!Q", await reader.readexactly(8))[0]
    return head[0] & 0x0F, await reader.readexactly(length)  # the server's frames: unmasked


class Follower:
    def __init__(self, path: str, cookie: str):
        self.path, self.cookie = path, cookie
        self.received: dict[int, float] = {}
        self.version = 0
        self.ready = False
        self.dropped = 0
        self.connect_retries = 0
        self.stop = False

    async def run(self):
        while not self.stop:
            try:
                reader, writer = await asyncio.wait_for(ws_open(self.path, self.cookie), 10)
            except (OSError, ConnectionError, asyncio.IncompleteReadError, TimeoutError):
                self.connect_retries += 1
                await asyncio.sleep(0.5)
                continue
            try:
                await self.listen(reader, writer)
            except (OSError, asyncio.IncompleteReadError):
                self.dropped += 1
                await asyncio.sleep(1)

    async def listen(self, reader, writer):
        def send(message: dict) -> None:
            writer.write(ws_frame(0x1, json.dumps(message).encode()))

        async def heartbeat():
            while True:
                await asyncio.sleep(HEARTBEAT)
                send({"type": "ping"})

        beating = asyncio.create_task(heartbeat())
        try:
            while not self.stop:
                opcode, payload = await ws_receive(reader)
                now = time.perf_counter()
                if opcode == 0x9:
                    writer.write(ws_frame(0xA, payload))
                    continue
                if opcode == 0x8:
                    raise OSError("closed by the server")
                if opcode != 0x1:
                    continue
                event = json.loads(payload)
                if event["type"] == "state":
                    self.version = event["state"]["version"]
                    self.received.setdefault(self.version, now)
                    self.ready = True
                elif event["type"] == "pong":
                    # As static/js/live.js: the pong's version may be a second old; only a
                    # pong ahead of the follower says a message was lost.
                    if event["version"] > self.version:
                        send({"type": "state"})
                elif "version" in event:
                    if event["version"] == self.version + 1:
                        self.version = event["version"]
                        self.received.setdefault(self.version, now)
                    elif event["version"] > self.version:
                        send({"type": "state"})
        finally:
            beating.cancel()
            writer.close()


class Followers:
    """Followers on an event loop in a thread of their own; the main thread edits."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def start(self, follower: Follower) -> None:
        asyncio.run_coroutine_threadsafe(follower.run(), self.loop)


def _until(condition, timeout: float) -> None:
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        time.sleep(0.05)


def rss(pid: int) -> int:
    return psutil.Process(pid).memory_info().rss


class Chair:
    def __init__(self, session_id: int, key: str, token: str):
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Token {token}"
        self.url = f"http://127.0.0.1:{API_PORT}/api/v1/live/{session_id}/paragraphs/{key}/"
        self.version = 1
        self.answered: list[float] = []  # each PATCH's own response time

    def edit(self, n: int) -> tuple[float, int]:
        """(the time it was sent, the session version it made)."""
        sent = time.perf_counter()
        answer = self.http.patch(
            self.url,
            json={"version": self.version, "text": f"the chair's proposal number {n}"},
            timeout=10,
        )
        answer.raise_for_status()
        self.answered.append(time.perf_counter() - sent)
        body = answer.json()
        self.version = body["version"]
        return sent, body["session_version"]


def deliveries(chair: Chair, followers: list[Follower], edits: int) -> list[float]:
    made = []
    for n in range(edits):
        made.append(chair.edit(n))
        time.sleep(0.5)
    time.sleep(1.5)
    latencies = []
    spreads = []  # each delivery after the edit's first delivery: the fan-out alone
    missing = 0
    for sent, version in made:
        times = []
        for follower in followers:
            at = follower.received.get(version)
            if at is None:
                missing += 1
            else:
                times.append(at)
                latencies.append(at - sent)
        spreads += [at - min(times) for at in times] if times else []
    if missing:
        print(f"  {missing} deliveries missing")
    if len(followers) > 1:
        fan, patch = summary(spreads), summary(chair.answered[-edits:])
        print(
            "  fan-out alone (after the edit's first delivery) p50/p95/max ms: "
            f"{fan['p50_ms']:.0f} / {fan['p95_ms']:.0f} / {fan['max_ms']:.0f}; "
            f"the PATCH's own answer p50/p95/max ms: "
            f"{patch['p50_ms']:.0f} / {patch['p95_ms']:.0f} / {patch['max_ms']:.0f}"
        )
    return latencies


def summary(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    return {
        "n": len(ordered),
        "p50_ms": 1000 * statistics.median(ordered),
        "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
        "max_ms": 1000 * ordered[-1],
    }


def main() -> None:
    global redis
    session_id, key, cookie, token = setup()
    daphne = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "daphne"),
            "-b",
            "127.0.0.1",
            "-p",
            str(DAPHNE_PORT),
            "summit.asgi:application",
        ],
        cwd=ROOT,
        env={**os.environ},
        stdout=subprocess.DEVNULL,
        stderr=open(WORK / "daphne.log", "w"),  # noqa: SIM115
    )
    servers = [daphne]
    if API_ON == "gunicorn":
        servers.append(
            subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "-b",
                    f"127.0.0.1:{API_PORT}",
                    "-w",
                    "2",
                    "summit.wsgi:application",
                ],
                cwd=ROOT,
                env={**os.environ},
                stdout=subprocess.DEVNULL,
                stderr=open(WORK / "gunicorn.log", "w"),  # noqa: SIM115
            )
        )
    print(f"edits served by {API_ON}, WebSockets by daphne")
    try:
        _wait_port(DAPHNE_PORT)
        _wait_port(API_PORT)
        url = f"/ws/live/{session_id}/"
        pool = Followers()
        chair = Chair(session_id, key, token)
        chair.http.get(f"http://127.0.0.1:{API_PORT}/api/v1/live/{session_id}/")  # warm up

        one = Follower(url, cookie)
        pool.start(one)
        _until(lambda: one.ready, 10)
        baseline = summary(deliveries(chair, [one], EDITS))
        one.stop = True
        print("baseline, 1 follower:", json.dumps(baseline))

        before = rss(daphne.pid)
        followers = [Follower(url, cookie) for _ in range(FOLLOWERS)]
        started = time.perf_counter()
        for follower in followers:
            pool.start(follower)
        _until(lambda: all(f.ready for f in followers), 60)
        connected = sum(f.ready for f in followers)
        retries = sum(f.connect_retries for f in followers)
        print(f"  connection attempts reset and retried: {retries}")
        connect_s = time.perf_counter() - started
        time.sleep(2)
        after = rss(daphne.pid)
        many = summary(deliveries(chair, followers, EDITS))
        print(
            f"{connected}/{FOLLOWERS} followers connected with the state in {connect_s:.1f} s; "
            f"daphne RSS {before / 2**20:.1f} → {after / 2**20:.1f} MiB, "
            f"{(after - before) / max(connected, 1) / 1024:.0f} KiB per connection"
        )
        print(f"{FOLLOWERS} followers:", json.dumps(many))
        print(
            "ratios to the baseline: p50 ×{:.1f}, p95 ×{:.1f}, max ×{:.1f}".format(
                many["p50_ms"] / baseline["p50_ms"],
                many["p95_ms"] / baseline["p95_ms"],
                many["max_ms"] / baseline["max_ms"],
            )
        )

        # Redis restarted mid-session.
        redis.send_signal(signal.SIGTERM)
        redis.wait(10)
        down_at = time.perf_counter()
        chair.edit(1000)  # saved; its message cannot be published
        time.sleep(1.0)
        redis = redis_start()
        back_at = time.perf_counter()
        last_version = chair.edit(1001)[1]
        deadline = back_at + 20
        all_current_at = None
        while time.perf_counter() < deadline:
            if all(f.version >= last_version for f in followers):
                all_current_at = time.perf_counter()
                break
            time.sleep(0.05)
        dropped = sum(f.dropped for f in followers)
        if all_current_at is None:
            behind = sum(f.version < last_version for f in followers)
            print(f"Redis restart: {behind} followers still behind 20 s after Redis came back")
        else:
            print(
                f"Redis restart: down {back_at - down_at:.1f} s; every follower current "
                f"{all_current_at - back_at:.1f} s after Redis was back; {dropped} sockets dropped"
            )
        after_restart = summary(deliveries(chair, followers, 5))
        print("after the restart:", json.dumps(after_restart))
        for follower in followers:
            follower.stop = True
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)
        redis.terminate()
        redis.wait(10)


if __name__ == "__main__":
    main()
