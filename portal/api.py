"""What every endpoint of the API shares: language, errors, caching, rules, paging, and the
fields that take input exactly as the schema says. Every app's API builds on this module
(with portal.representation for the hot reads' output and portal.textsearch for `?search=`);
it imports no app (the router, which imports them all, is summit/api/)."""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.core.paginator import Paginator as DjangoPaginator
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import (
    exceptions,
    pagination,
    permissions,
    renderers,
    serializers,
    status,
)
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .concurrency import EditConflict
from .errors import error_body
from .ids import ID_PATH, MAX_ID
from .negotiation import FormatNotOffered, PassThroughRenderer
from .negotiation import pass_through_renderer as pass_through_renderer  # where views find it

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGE_CODES,
    description="Language of translated fields; without it, the Accept-Language header decides.",
)


# --- Errors: every 4xx has the same shape, whatever raised it.


class ErrorSerializer(serializers.Serializer):
    """{"error": {"status": 404, "code": "not_found", "message": "...", "fields": {...}}}"""

    class ErrorBody(serializers.Serializer):
        status = serializers.IntegerField()
        code = serializers.CharField()
        message = serializers.CharField()
        fields = serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()), required=False
        )
        current_version = serializers.IntegerField(required=False)
        current_text = serializers.CharField(required=False)
        formats = serializers.ListField(child=serializers.CharField(), required=False)

    error = ErrorBody()


def _flatten(detail) -> dict[str, list[str]]:
    """DRF's nested validation detail → {"field": ["message", ...]}, with "non_field_errors"."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for field, value in detail.items():
            if isinstance(value, dict):
                for sub, messages in _flatten(value).items():
                    flat[f"{field}.{sub}"] = messages
            else:
                values = value if isinstance(value, list) else [value]
                flat[str(field)] = [str(v) for v in values]
        return flat
    values = detail if isinstance(detail, list) else [detail]
    return {"non_field_errors": [str(v) for v in values]}


def exception_handler(exc, context):
    """Services speak Django (ValidationError, PermissionDenied) and EditConflict; the API
    answers 400/403/409 in the one error format, like every DRF error."""
    if isinstance(exc, EditConflict):
        return Response(
            error_body(
                status.HTTP_409_CONFLICT,
                "edit_conflict",
                _("Somebody else changed this in the meantime; reload it and try again."),
                current_version=getattr(exc.current, "version", None),
            ),
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        message = _("The request is not valid.")
        body = error_body(response.status_code, "invalid", message, fields=_flatten(exc.detail))
    elif isinstance(exc, FormatNotOffered):
        message = _(
            "This answer comes as %(formats)s only: ask for one with ?format= or the Accept header."
        ) % {"formats": ", ".join(exc.formats)}
        body = error_body(response.status_code, "not_acceptable", message, formats=exc.formats)
    elif isinstance(exc, exceptions.Throttled):
        # DRF's own message is only half translated; Retry-After stays as DRF set it.
        message = _("Too many requests. Try again in %(seconds)d s.") % {"seconds": exc.wait or 1}
        body = error_body(response.status_code, "throttled", message)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        body = error_body(response.status_code, str(code), str(detail))
    response.data = body
    return response


@csrf_exempt  # nothing is written here: a POST gets the same JSON 404, not an HTML 403
def not_found(request, *args, **kwargs):
    """Paths under /api/ that match nothing answer in the API's error format, not HTML."""
    return JsonResponse(error_body(404, "not_found", _("No such endpoint.")), status=404)


# --- Input: what the API accepts is exactly what its schema says, nothing coerced.


class FilterBackend(DjangoFilterBackend):
    """django-filter builds and validates a form for every request; a request that asks for
    no filter of the view needs none (the list without parameters is the usual read)."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if (
            filterset_class is None
            or not request.query_params.keys() & filterset_class.base_filters.keys()
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class FilterSet(django_filters.FilterSet):
    """The API's filter sets: a choice or a number given empty is refused (400) rather than
    read as "any", because no enum or integer of the schema includes the empty string (an
    empty text filter, a string in the schema, still means "any")."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        for name, filter_ in self.filters.items():
            if isinstance(filter_, django_filters.CharFilter):
                continue
            if name in self.data and self.data.get(name) == "":
                self.form.add_error(name, _("This value may not be empty."))
                valid = False
        return valid


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """A filter on an id or a number: a whole number from 1 to MAX_ID, else a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class StrictCharField(serializers.CharField):
    """Text is a JSON string: 123 or true is refused, not stored as "123"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer: 1.5, "1", true and 1e400 are refused, not rounded or coerced."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(serializers.PrimaryKeyRelatedField):
    """A related object named by its id, a JSON integer within the database's range."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= data <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


# --- Permissions: the rules of each app's permissions.py, never a role test here.


class RulesPermission(permissions.BasePermission):
    """Checks the django-rules permission the view names in `rules_object_perms` for the
    request's method. Where `rules_hide_denied` is set, a refusal is a 404: what the reader
    may not see must not even be known to exist (unpublished drafts)."""

    def has_object_permission(self, request, view, obj):
        perm = getattr(view, "rules_object_perms", {}).get(request.method)
        if perm is None or request.user.has_perm(perm, obj):
            return True
        if getattr(view, "rules_hide_denied", False):
            raise exceptions.NotFound()
        return False


def check_rule(request, perm: str, obj, *, hide: bool = False) -> None:
    """The same check for objects a view loads itself (a revision inside a document)."""
    if request.user.has_perm(perm, obj):
        return
    if hide:
        raise exceptions.NotFound()
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()  # 401: logging in may help
    raise exceptions.PermissionDenied()


# --- Paging with counts.


class Paginator(DjangoPaginator):
    """Counts only when the page cannot tell: a page shorter than the page size is the last
    one, so the total is the rows before it plus its own. Most of the API's lists fit on one
    page, which then costs one query instead of a COUNT and the page."""

    def page(self, number):
        number = self.validate_number_format(number)
        bottom = (number - 1) * self.per_page
        if bottom + self.per_page > MAX_ID:  # past what a database can offset, and hold
            raise EmptyPage(self.error_messages["no_results"])
        rows = list(self.object_list[bottom : bottom + self.per_page])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        if len(rows) < self.per_page:
            self.count = bottom + len(rows)  # count is a cached_property: this is its value
        return self._get_page(rows, number, self)

    def validate_number_format(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from exc
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number


class Pagination(pagination.PageNumberPagination):
    """`?page=` and `?page_size=` are validated like any input: a page size that is not a
    whole number from 1 to 200, or a page that is not one from 1, is a 400 (DRF would quietly
    fall back to the default page size). A page past the last one is a 404."""

    django_paginator_class = Paginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    class Query(serializers.Serializer):
        page = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
        page_size = serializers.IntegerField(min_value=1, max_value=200, required=False)

    def paginate_queryset(self, queryset, request, view=None):
        empty = [name for name in ("page", "page_size") if request.query_params.get(name) == ""]
        if empty:  # DRF would read an empty number as "not given"
            raise exceptions.ValidationError(
                {name: [_("This value may not be empty.")] for name in empty}
            )
        if request.query_params.keys() & {"page", "page_size"}:
            query = self.Query(data=request.query_params)
            query.is_valid(raise_exception=True)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            parameter["schema"]["maximum"] = (
                self.max_page_size if parameter["name"] == self.page_size_query_param else MAX_ID
            )
        return parameters


# --- Language of translated fields.


class LanguageMixin:
    """`?lang=ru|en` wins over Accept-Language (which LocaleMiddleware already applied);
    modeltranslation fields follow the active language."""

    def initial(self, request, *args, **kwargs):
        lang = request.query_params.get("lang")
        if lang is not None and lang not in LANGUAGE_CODES:
            raise exceptions.ValidationError(
                {"lang": [_("Choose one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}]}
            )
        if lang:
            translation.activate(lang)
            request.LANGUAGE_CODE = lang
        super().initial(request, *args, **kwargs)


# --- HTTP caching of public reads.


class CachedMixin:
    """ETag from the body and Last-Modified where the view knows it; a conditional request
    that matches gets 304. Anonymous reads may be kept by shared caches for a minute, and by
    the portal itself for API_CACHE_SECONDS (portal.api_cache, which answers them again
    before any view runs); logged-in reads stay private because they can show more."""

    cache_max_age = 60

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        anonymous = not self.request.user.is_authenticated

        def conditional(rendered):
            set_response_etag(rendered)
            rendered.anonymous_read = anonymous  # what portal.api_cache may keep
            return get_conditional_response(
                request,
                etag=rendered.get("ETag"),
                last_modified=parse_http_date_safe(rendered.get("Last-Modified", "")),
                response=rendered,
            )

        # The ETag is a hash of the body, which exists only once DRF has rendered it.
        if getattr(response, "is_rendered", True):
            return conditional(response)
        response.add_post_render_callback(conditional)
        return response

    def last_modified(self):
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            modified = self.last_modified()
            if modified is not None and not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(modified.timestamp())
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
            else:
                patch_cache_control(response, public=True, max_age=self.cache_max_age)
            patch_vary_headers(response, ("Accept-Language", "Cookie", "Authorization"))
        return response


class APIViewMixin(LanguageMixin):
    """Throttling comes from settings: scope "anon" per address, "user" per account. Objects
    are looked up by id unless a view says otherwise (initiatives use their slug)."""

    lookup_value_regex = ID_PATH

    def handle_exception(self, exc):
        # Errors are JSON, also where the request chose a file format (?format=csv) or where
        # no format could be agreed (DRF would then fall back to the view's first renderer,
        # which for a file is one that cannot render an error).
        accepted = getattr(self.request, "accepted_renderer", None)
        if accepted is None or isinstance(accepted, PassThroughRenderer):
            self.request.accepted_renderer = renderers.JSONRenderer()
            self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)


class PublicReadMixin(CachedMixin, APIViewMixin):
    permission_classes = [permissions.AllowAny, RulesPermission]


# --- Files: views that answer an HttpResponse of their own (a CSV, a PDF) still let DRF's
# content negotiation pick the format from `?format=` (portal.negotiation, which settings
# name and so must not import DRF's views, as this module does).
