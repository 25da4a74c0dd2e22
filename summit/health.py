"""Health probes: `/healthz` (the process answers) and `/readyz` (its backing services answer).

They are a middleware rather than views in `urls.py` because they must answer before
`ALLOWED_HOSTS`, the HTTPS redirect and the language prefix: a container health check or a
load balancer calls them over plain HTTP with an address, not the public host name, as host.
They reveal nothing but which dependency is down; the reason goes to the log.
"""

import logging
from collections.abc import Callable

import redis
from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

OK = "ok"
DOWN = "down"
NOT_CONFIGURED = "not configured"


def database_status() -> str:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Readiness: the database is not reachable.")
        # A broken persistent connection would otherwise be reused by the next probe.
        connection.close()
        return DOWN
    return OK


def redis_status() -> str:
    # Without REDIS_URL the portal runs tasks eagerly and caches in memory: nothing to reach.
    if not settings.REDIS_URL:
        return NOT_CONFIGURED
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except Exception:
        logger.exception("Readiness: Redis is not reachable.")
        return DOWN
    finally:
        client.close()
    return OK


def readiness() -> tuple[bool, dict]:
    checks = {"database": database_status(), "redis": redis_status()}
    down = [name for name, status in checks.items() if status == DOWN]
    body = {"status": "unavailable" if down else OK, "checks": checks, "down": down}
    return not down, body


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def healthz(request: HttpRequest) -> HttpResponse:
    return _no_store(JsonResponse({"status": OK}))


def readyz(request: HttpRequest) -> HttpResponse:
    ready, body = readiness()
    return _no_store(JsonResponse(body, status=200 if ready else 503))


PROBES = {"/healthz": healthz, "/readyz": readyz}


class HealthProbeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info.rstrip("/"))
        if probe is not None and request.method in {"GET", "HEAD"}:
            return probe(request)
        return self.get_response(request)
