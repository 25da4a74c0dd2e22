"""The cache as production runs it: Redis, failing open.

Everything the portal keeps in the cache can be lost without losing anything that matters:
throttling counters, allauth's rate-limit counters, the short cache of anonymous API reads.
So a Redis outage must cost a little protection and speed, never a request: a delegate's
comment is written to PostgreSQL whether or not Redis answers. This backend turns every
Redis error into "not cached" (a miss, a write that did not happen) and logs it.

While Redis is down each call would wait for its connect timeout, so after a failure the
backend does not try again for `RETRY_AFTER` seconds (per process): requests during an
outage are as fast as with no cache at all.

Django's Redis backend builds a new redis-py client for every call; building one registers
its few hundred response callbacks, which costs more than the round trip to a local Redis.
A request that hits the API's cache makes three calls (the throttle's read and write, the
cached answer), so this backend keeps one client per connection pool instead: redis-py
clients are thread-safe, and the pool is the same either way.
"""

import logging
import time
from typing import Any

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0
_down_until: dict[str, float] = {}


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)  # a replica is chosen at random
        if index not in self._clients:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            self._clients[index] = self._client(connection_pool=self._pools[index])
        return self._clients[index]


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _call(self, method: str, fallback, *args, **kwargs):
        parent = super()
        return self._call_function(lambda: getattr(parent, method)(*args, **kwargs), fallback)

    def get_and_count(self, key: str | None, counters: list[tuple[str, int]]):
        """See get_and_count below: here one round trip to Redis (a pipeline)."""

        def run():
            pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
            if key is not None:
                pipeline.get(self.make_and_validate_key(key))
            for name, seconds in counters:
                name = self.make_and_validate_key(name)
                pipeline.set(name, 0, ex=seconds, nx=True)  # a new period starts
                pipeline.incr(name)
                # Had the counter expired between the two, INCR made one that never would.
                pipeline.expire(name, seconds, nx=True)  # Redis 7
            results = pipeline.execute()
            value = None
            if key is not None:
                raw = results.pop(0)
                value = None if raw is None else self._cache._serializer.loads(raw)
            return value, results[1::3]

        # Redis down: nothing cached, and nobody throttled.
        return self._call_function(run, (None, [1] * len(counters)))

    def _call_function(self, function, fallback):
        if time.monotonic() < _down_until.get(self._server_key, 0.0):
            return fallback
        try:
            return function()
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


def get_and_count(key: str | None, counters: list[tuple[str, int]]) -> tuple[Any, list[int]]:
    """The cached value at `key` (None: no value, or no key), and each counter (name, period
    in seconds) counted once: how many times it has been counted in its current period,
    which starts with its first count. On Redis this is one round trip, so an answer served
    from the cache and the throttle that counts it cost one; elsewhere (the local memory of
    the embedded default) it is a few calls."""
    if hasattr(cache, "get_and_count"):
        return cache.get_and_count(key, counters)
    counts = []
    for name, seconds in counters:
        cache.add(name, 0, seconds)
        try:
            counts.append(cache.incr(name))
        except ValueError:  # the period ended between the two calls: a new one starts
            cache.add(name, 1, seconds)
            counts.append(1)
    return (cache.get(key) if key is not None else None), counts
