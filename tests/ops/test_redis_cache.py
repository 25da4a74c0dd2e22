"""The cache as production builds it from REDIS_URL (summit.settings.CACHES: Redis, failing
open), against the real Redis: the public cache API, the throttles' counters and the API's
short cache of anonymous answers. The rest of the suite runs on local memory
(tests/settings.py), so these are the tests of the Redis path: CI runs them (.ci/run exports
REDIS_URL); without REDIS_URL they are skipped. Keys carry a prefix of their own and are
deleted after each test; nothing flushes the database (CI's Celery broker shares it).

Redis unreachable (a closed port) needs no server and always runs.
"""

import logging
import os
import secrets
import socket
import time

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

import portal.cache
from initiatives.models import Initiative
from portal.cache import count
from portal.throttles import AnonRateThrottle

REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(
    not REDIS_URL, reason="REDIS_URL is not set: the real Redis path runs where it is (CI)"
)


def production_caches(location: str | None = None, **options) -> dict:
    """summit.settings.CACHES as production reads it from REDIS_URL (tests/settings.py has
    replaced it with local memory), under a key prefix of this test's own."""
    from summit import settings as production

    default = dict(production.CACHES["default"])
    if location is not None:
        default["LOCATION"] = location
    default["OPTIONS"] = {**default.get("OPTIONS", {}), **options}
    default["KEY_PREFIX"] = f"test-{secrets.token_hex(6)}"
    return {"default": default}


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = production_caches()
    assert settings.CACHES["default"]["BACKEND"] == "portal.cache.FailOpenRedisCache"
    portal.cache._down_until.clear()
    written = []
    yield written
    cache.delete_many(written)
    portal.cache._down_until.clear()


@needs_redis
def test_the_public_cache_api_on_redis(redis_cache):
    redis_cache += ["a", "b", "c", "n"]

    assert cache.get("a") is None
    cache.set("a", {"answer": b"\x00bytes", "n": 1}, 30)
    assert cache.get("a") == {"answer": b"\x00bytes", "n": 1}
    assert cache.add("a", "other") is False
    assert cache.add("b", "first") is True
    cache.set_many({"c": 3, "n": 10}, 30)
    assert cache.get_many(["a", "b", "c", "missing"]) == {
        "a": {"answer": b"\x00bytes", "n": 1},
        "b": "first",
        "c": 3,
    }
    assert cache.incr("n") == 11
    assert cache.incr("n", 5) == 16
    with pytest.raises(ValueError):
        cache.incr("missing")
    assert cache.touch("a", 30) is True
    assert cache.has_key("a")
    assert cache.delete("a") is True
    assert cache.get("a", "gone") == "gone"


@needs_redis
def test_the_throttles_counter_counts_on_redis_and_starts_again_each_period(
    redis_cache, monkeypatch
):
    clock = [6000.0]
    monkeypatch.setattr(portal.cache, "_now", lambda: clock[0])
    redis_cache += ["throttle-test:100", "throttle-test:101"]

    assert [count("throttle-test", 60) for _ in range(3)] == [1, 2, 3]
    clock[0] += 60  # the next period
    assert count("throttle-test", 60) == 1
    # A period's key outlives its period: it cannot expire between Django's EXISTS and INCR
    # and be made again without an expiry.
    assert cache.touch("throttle-test:100", 120)


@needs_redis
def test_the_api_throttles_and_keeps_anonymous_answers_in_redis(
    redis_cache, settings, monkeypatch, django_assert_num_queries, db
):
    settings.API_CACHE_SECONDS = 30
    # DRF reads the rates into the class once.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    monkeypatch.setattr(portal.cache, "_now", lambda: 6000.0)
    redis_cache += ["throttle-count:anon:127.0.0.1:100", "api:3:en::/api/v1/initiatives/"]
    Initiative.objects.create(title_en="Kept", summary_en="S", slug="kept")
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")

    first = client.get("/api/v1/initiatives/")
    Initiative.objects.filter(slug="kept").update(title_en="Renamed")
    with django_assert_num_queries(0):
        kept = client.get("/api/v1/initiatives/")
    assert first.status_code == kept.status_code == 200
    assert kept.content == first.content
    assert kept["ETag"] == first["ETag"]
    assert first.json()["results"][0]["title"] == "Kept"

    # The third request of the minute is allowed (from the cache), the fourth refused.
    assert client.get("/api/v1/initiatives/").status_code == 200
    refused = client.get("/api/v1/initiatives/")
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nobody listens once it is closed


@pytest.fixture
def redis_unreachable(settings, monkeypatch):
    settings.CACHES = production_caches(
        f"redis://127.0.0.1:{closed_port()}/0", SOCKET_CONNECT_TIMEOUT=1, SOCKET_TIMEOUT=1
    )
    settings.CACHES["default"]["BACKEND"] = "portal.cache.FailOpenRedisCache"
    settings.API_CACHE_SECONDS = 10
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    portal.cache._down_until.clear()
    yield
    portal.cache._down_until.clear()


def test_with_redis_unreachable_the_cache_fails_open_and_says_so(redis_unreachable, caplog, db):
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        assert cache.get("anything", "fallback") == "fallback"
    assert "Cache unavailable" in caplog.text

    started = time.monotonic()
    cache.set("a", 1)
    assert cache.get_many(["a"]) == {}
    assert cache.add("lock", 1) is True  # allauth's lock before it counts a login attempt
    assert cache.incr("n") == 1
    assert count("throttle-count:anon:x", 60) == 1  # nobody is throttled
    # After the failure the backend does not wait for Redis again for a while.
    assert time.monotonic() - started < 0.5

    client = APIClient()
    for _ in range(4):  # more than the rate: nothing counts, so nothing is refused
        assert client.get("/api/v1/initiatives/").status_code == 200
