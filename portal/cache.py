"""The cache as production runs it: Redis, failing open, through Django's cache API only.

Everything the portal keeps in the cache can be lost without losing anything that matters:
throttling counters, allauth's rate-limit counters, the short cache of anonymous API reads.
So a Redis outage must cost a little protection and speed, never a request: a delegate's
comment is written to PostgreSQL whether or not Redis answers. `FailOpenRedisCache` is
django-redis's RedisCache behind its public methods, turning every Redis error into "not
cached" (a miss, a write that did not happen) and logging it. django-redis rather than
Django's own backend because a cached API answer pays for a throttle's count and the
answer's read: its `incr` is one round trip (a script) where Django's is two, and it keeps
its client where Django's builds one per call (docs/benchmarks.md, "Redis as the cache").

While Redis is down each call would wait for its connect timeout, so after a failure the
backend does not try again for `RETRY_AFTER` seconds (per process): requests during an
outage are as fast as with no cache at all.

`count` is the throttles' counter, on any backend: `incr`, or `add` to start a period.
"""

import logging
import time

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0
_down_until: dict[str, float] = {}


class FailOpenRedisCache(BaseCache):
    """CACHES' "BACKEND" for Redis; "LOCATION" and "OPTIONS" as for django-redis."""

    def __init__(self, server, params):
        super().__init__(params)
        self.redis = RedisCache(server, params)
        self.server = server if isinstance(server, str) else ",".join(server)

    def _call(self, fallback, method: str, *args):
        if time.monotonic() < _down_until.get(self.server, 0.0):
            return fallback
        try:
            return getattr(self.redis, method)(*args)
        except (RedisError, OSError) as error:
            _down_until[self.server] = time.monotonic() + RETRY_AFTER
            logger.warning("Cache unavailable, serving without it for %ss: %s", RETRY_AFTER, error)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # "Added": allauth takes a lock with add() before it counts a login attempt, and a
        # lock that can never be taken would refuse every login while Redis is down.
        return self._call(True, "add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, "get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, "set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, "touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, "delete", key, version)

    def get_many(self, keys, version=None):
        return self._call({}, "get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call(False, "has_key", key, version)

    def incr(self, key, delta=1, version=None):
        # Nobody is throttled while Redis is down: every count is the first.
        return self._call(delta, "incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), "set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, "delete_many", keys, version)

    def clear(self):
        return self._call(None, "clear")

    def close(self, **kwargs):
        self.redis.close(**kwargs)


def count(name: str, seconds: int) -> int:
    """Counts once on the counter `name` in the current period of `seconds` (periods follow
    the clock): how many times it has been counted in this period.

    Each period has a key of its own, which outlives its period. Django's `incr` checks that
    the key exists and then increments it, two steps: a key that expired between them would
    be made again without an expiry. A counter that started with the client's first request
    could so be left counting forever, refusing that client for good; a period's key cannot
    expire while its period lasts, so its counter never can."""
    key = f"{name}:{int(_now() // seconds)}"
    for _attempt in range(3):
        try:
            return cache.incr(key)
        except ValueError:  # the period's first count, unless another request just made it
            if cache.add(key, 1, seconds * 2):
                return 1
    return 1  # the key kept vanishing (the cache is failing): count this one as a first


_now = time.time  # the clock of the periods (tests set it)
