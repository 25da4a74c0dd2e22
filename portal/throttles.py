"""The API's throttles: per address for anonymous clients, per account for the others.

Their own module: DRF reads DEFAULT_THROTTLE_CLASSES while it defines APIView, so a module
that imports DRF's views (portal.api) cannot hold them.
"""

from rest_framework import throttling

from .cache import count as counted


class CountingThrottle:
    """DRF's rate throttles, counted differently: a counter per client and period of the
    rate (periods follow the clock), incremented atomically through the cache's public
    `incr` (portal.cache.count), where DRF keeps a list of timestamps that costs a read and a
    write and grows with the rate. The price: a client may make up to twice its rate across
    the end of one period and the start of the next.

    The request may have been counted already, as its cached answer was looked for
    (portal.api_cache): `request.throttle_counts` then holds the counts by throttle key."""

    cache_format = "throttle-count:%(scope)s:%(ident)s"  # not DRF's lists of timestamps

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        count = getattr(request, "throttle_counts", {}).get(self.key)
        if count is None:
            count = counted(self.key, self.duration)
        return self.allows(count)

    def allows(self, count: int) -> bool:
        return count <= self.num_requests

    def wait(self):
        return self.duration  # at most: the current period ends sooner


class AnonRateThrottle(CountingThrottle, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(CountingThrottle, throttling.UserRateThrottle):
    """Accounts only: DRF's would also count anonymous requests by address, beside
    AnonRateThrottle and with a looser rate, so that it never decides."""

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)
