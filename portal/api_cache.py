"""The portal's short cache of anonymous API answers, kept and served by a middleware.

The public site's traffic is anonymous and reads the same few pages, so an answer made for a
client without credentials is kept for API_CACHE_SECONDS and given again to the next one,
before the rest of the middleware, URL resolution, DRF and the view run, much as Django's
own cache middleware does. What stays in front of it still runs on every request: the
health probes, the HTTPS redirect and security headers, CORS (whose headers depend on the
caller's Origin) and the choice of language; the headers the inner middleware added (Content
Security Policy, X-Frame-Options, Vary, Cache-Control, ETag, Last-Modified) are kept with the
answer.

A cached answer is still a request: the API's throttles count it (portal.cache.count, the
cache's public `incr`) before the answer is read, and tell the view that it has been counted
when the answer is not there. A client over its rate goes the whole way, to be
refused in the API's error format. Only an answer the view marked as an anonymous read
(portal.api.CachedMixin) is kept: GET, 200, no credentials.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from rest_framework.settings import api_settings

from .cache import count

KEY_PREFIX = "api:3"


def answer_key(request) -> str | None:
    """The key of the request's answer, for a GET of the API without credentials (no token,
    no session cookie); None when the answer is not to be kept."""
    if (
        not settings.API_CACHE_SECONDS
        or request.method != "GET"
        or not request.path.startswith("/api/")
        or "HTTP_AUTHORIZATION" in request.META
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    ):
        return None
    accept = request.META.get("HTTP_ACCEPT", "")
    # The language the middleware chose (Accept-Language, cookie); `?lang=` is in the path.
    return f"{KEY_PREFIX}:{request.LANGUAGE_CODE}:{accept}:{request.get_full_path()}"


class AnonymousRequest:
    """The request as the throttles see it before authentication has run: without
    credentials, its user is anonymous."""

    user = AnonymousUser()

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request, name)


class AnswerCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = answer_key(request)
        if key is None:
            return self.get_response(request)
        throttles = [throttle() for throttle in api_settings.DEFAULT_THROTTLE_CLASSES]
        anonymous = AnonymousRequest(request)
        counters = [(t, t.get_cache_key(anonymous, None)) for t in throttles]
        counters = [(t, name) for t, name in counters if name is not None and t.rate]
        counts = [count(name, t.duration) for t, name in counters]
        request.throttle_counts = {name: n for (_t, name), n in zip(counters, counts, strict=True)}
        if all(t.allows(n) for (t, _name), n in zip(counters, counts, strict=True)):
            cached = cache.get(key)
            if cached is not None:
                return self.replay(request, *cached)
        response = self.get_response(request)
        if response.status_code == 200 and getattr(response, "anonymous_read", False):
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            cache.set(key, (response.content, headers), settings.API_CACHE_SECONDS)
        return response

    @staticmethod
    def replay(request, content: bytes, headers: list[tuple[str, str]]):
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
