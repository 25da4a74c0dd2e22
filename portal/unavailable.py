"""When the database is down the portal says so: 503 with Retry-After, not a 500.

A database that does not answer (PostgreSQL stopped or restarting, a connection cut) is an
outage of minutes that the client may wait out; a 500 would say the portal is broken and
tells a crawler or an API client nothing about when to come back. Every view's database
error reaches the middleware's `process_exception`; what fails outside a view (a session
saved by its middleware) reaches `server_error`, the project's handler500. The page needs no
database: no context processors, no user, no session, only the active language.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views import defaults

from .errors import error_body

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Long enough for a restart or a failover, short enough that a reader who waits is served.
RETRY_AFTER_SECONDS = 30


def unavailable_response(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        message = _("The portal cannot reach its database. Try again in a minute.")
        response = JsonResponse(error_body(503, "unavailable", message), status=503)
    else:
        page = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"  # no cache may keep the outage for longer
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error("The database is unavailable: %s", exception, exc_info=exception)
        return unavailable_response(request)


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: a database error raised outside a view is an outage too."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return unavailable_response(request)
    return defaults.server_error(request, template_name)
