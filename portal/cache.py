"""The cache as production runs it: Redis, failing open.

Everything the portal keeps in the cache can be lost without losing anything that matters:
throttling counters, allauth's rate-limit counters, the short cache of anonymous API reads.
So a Redis outage must cost a little protection and speed, never a request: a delegate's
comment is written to PostgreSQL whether or not Redis answers. This backend turns every
Redis error into "not cached" (a miss, a write that did not happen) and logs it.

While Redis is down each call would wait for its connect timeout, so after a failure the
backend does not try again for `RETRY_AFTER` seconds (per process): requests during an
outage are as fast as with no cache at all.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0
_down_until: dict[str, float] = {}


class FailOpenRedisCache(RedisCache):
    def _call(self, method: str, fallback, *args, **kwargs):
        if time.monotonic() < _down_until.get(self._server_key, 0.0):
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except (RedisError, OSError) as error:
            _down_until[self._server_key] = time.monotonic() + RETRY_AFTER
            logger.warning("Cache unavailable, serving without it for %ss: %s", RETRY_AFTER, error)
            return fallback

    @property
    def _server_key(self) -> str:
        return ",".join(self._servers)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # "Added": allauth takes a lock with add() before it counts a login attempt, and a
        # lock that can never be taken would refuse every login while Redis is down.
        return self._call("add", True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", None)
