"""Refuse request bodies that are not the UTF-8 they claim to be.

Django decodes a form body that is not valid UTF-8 as ISO-8859-1 instead of failing, so one
bad byte turns a delegate's Cyrillic into mojibake that is then stored as if it were text.
A body that does not decode is refused here, before any view sees it: a 400, in the API's
error format under /api/, and nothing is written.
"""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from .errors import error_body

TEXT_BODIES = ("application/x-www-form-urlencoded", "application/json")


class RefuseUndecodableBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("POST", "PUT", "PATCH") and request.content_type in TEXT_BODIES:
            try:
                request.body.decode(request.encoding or "utf-8")
            except (UnicodeDecodeError, LookupError):
                return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        message = _("The request body is not valid UTF-8 text.")
        if request.path.startswith("/api/"):
            return JsonResponse(error_body(400, "invalid_encoding", message), status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
