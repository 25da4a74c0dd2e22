"""What every endpoint of the API shares: language, errors, caching, rules, paging, search,
and the fields that take input exactly as the schema says. Every app's API builds on this
module; it imports no app (the router, which imports them all, is summit/api/)."""

import copy
import json
from functools import partial

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import Q
from django.db.models.manager import BaseManager
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
    filters,
    pagination,
    permissions,
    renderers,
    serializers,
    status,
)
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
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


# --- Output: serializers whose fields are worked out once, and JSON already rendered.


class ModelSerializer(serializers.ModelSerializer):
    # DRF's ModelSerializer for the read-only serializers of the hot reads (a comment, not a
    # docstring: the schema would describe every subclass with it):
    #
    # - its fields are worked out from the model once per class rather than on every use
    #   (for a list, once per request and nested serializer): reading the model's fields cost
    #   more than a short answer's rows. Each use of `fields` gets its own copies, as DRF gives
    #   a Serializer copies of its declared fields.
    # - it writes an answer through `Representation`: its fields are neither copied nor bound
    #   per use, but read once per class (see there). So its fields must not read the
    #   serializer's context (the request), nor may its nested serializers'.

    _fields_by_class: dict[type, dict] = {}

    def get_fields(self):
        cls = type(self)
        if cls not in self._fields_by_class:
            self._fields_by_class[cls] = super().get_fields()
        return copy.deepcopy(self._fields_by_class[cls])

    def to_representation(self, instance):
        return Representation.of(type(self))(self, instance)


class Representation:
    """How a read-only serializer class writes an instance, worked out once per class from
    the fields of one instance of it (DRF's public field API: `fields`, `source_attrs`,
    `get_attribute`, `to_representation`), and then used for every instance of every use:
    the same answer as DRF's Serializer.to_representation, without copying and binding the
    serializer's fields (and its nested serializers') on every use, nor DRF's per-field
    look-ups. A values() row (a dict) is read by key, as DRF reads a mapping.

    A field's representation runs on the fields of that one instance, whose context is
    empty: fields that need the request (hyperlinks) are refused. A SerializerMethodField's
    method is the serializer's own, called on the serializer in use."""

    _by_class: dict[type, "Representation"] = {}

    @classmethod
    def of(cls, serializer_class) -> "Representation":
        found = cls._by_class.get(serializer_class)
        if found is None:
            found = cls._by_class[serializer_class] = cls(serializer_class)
        return found

    def __init__(self, serializer_class):
        self.steps = []
        for name, field in serializer_class().fields.items():
            if field.write_only:
                continue
            related = getattr(field, "child_relation", field)  # many=True: the relation
            if isinstance(related, serializers.HyperlinkedRelatedField):
                raise TypeError(f"{serializer_class.__name__}.{name} needs the request")
            attrs = field.source_attrs
            # The key a row's value is found under, or None: read through the field.
            key = attrs[0] if len(attrs) == 1 else None
            if isinstance(field, serializers.SerializerMethodField):
                self.steps.append((name, field, None, field.method_name, False))
                continue
            represent = {
                serializers.CharField: str,
                serializers.IntegerField: int,
            }.get(type(field), field.to_representation)
            nested = field.child if isinstance(field, serializers.ListSerializer) else field
            if type(nested).to_representation is ModelSerializer.to_representation:
                # A nested serializer of this kind (one, or many as DRF's ListSerializer
                # writes them): its Representation directly, on the same serializer.
                write = Representation.of(type(nested))
                if nested is field:
                    represent = partial(write, nested)
                else:
                    represent = partial(_write_many, write, nested)
            # Only a relation's value may be a PKOnlyObject (DRF reads its pk for None).
            related = isinstance(field, serializers.RelatedField)
            self.steps.append((name, field, key, represent, related))

    def __call__(self, serializer, instance) -> dict:
        answer = {}
        row = type(instance) is dict
        for name, field, key, represent, related in self.steps:
            if row and key is not None and key in instance:
                value = instance[key]
            else:
                try:
                    value = field.get_attribute(instance)
                except SkipField:
                    continue
            if isinstance(represent, str):  # a SerializerMethodField's method
                answer[name] = getattr(serializer, represent)(value)
            elif value is None or (
                related and isinstance(value, PKOnlyObject) and value.pk is None
            ):
                answer[name] = None
            else:
                answer[name] = represent(value)
        return answer


def _write_many(write, child, values) -> list:
    # DRF's ListSerializer.to_representation: a related manager is read through all().
    iterable = values.all() if isinstance(values, BaseManager) else values
    return [write(child, value) for value in iterable]


class PreRenderedJSON(str):
    """JSON text already rendered as the API sends it (a published revision's stored
    paragraphs, drafts.models.Edition): JSONRenderer below puts it into the answer as it is,
    neither parsed nor rendered again. Only as a value of the answer's top-level object."""


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer, which also takes PreRenderedJSON values (see above): the values
    between them are rendered by DRF, and the answer keeps its order."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if not isinstance(data, dict) or not any(
            isinstance(value, PreRenderedJSON) for value in data.values()
        ):
            return super().render(data, accepted_media_type, renderer_context)
        if self.get_indent(accepted_media_type, renderer_context or {}):
            # Indented for a person (the browsable API): the stored text is compact.
            data = {
                key: json.loads(value) if isinstance(value, PreRenderedJSON) else value
                for key, value in data.items()
            }
            return super().render(data, accepted_media_type, renderer_context)
        parts, rendered, end = [], {}, object()
        for key, value in [*data.items(), (end, None)]:
            if key is not end and not isinstance(value, PreRenderedJSON):
                rendered[key] = value  # rendered by DRF with its neighbours
                continue
            if rendered:
                text = super().render(rendered, accepted_media_type, renderer_context)
                parts.append(text[1:-1])
                rendered = {}
            if key is not end:
                parts.append(json.dumps(key).encode() + b":" + value.encode())
        return b"{" + b",".join(parts) + b"}"


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

# --- Search: PostgreSQL full-text search there, a plain icontains elsewhere.


class TextSearchFilter(filters.BaseFilterBackend):
    """`?search=` over the view's `search_text_fields` (each `<name>_<lang>`); a view may add
    `search_extra(q)`, a Q over related rows (paragraph text of a document)."""

    param = "search"

    def filter_queryset(self, request, queryset, view):
        fields = getattr(view, "search_text_fields", None)
        q = request.query_params.get(self.param, "").replace("\x00", "").strip()[:200]
        if not fields or not q:
            return queryset
        own = text_match(queryset.model._default_manager.all(), fields, q)
        condition = Q(pk__in=own.values("pk"))
        extra = getattr(view, "search_extra", None)
        if extra is not None:
            condition |= extra(q)
        return queryset.filter(condition)

    def get_schema_operation_parameters(self, view):
        if not getattr(view, "search_text_fields", None):
            return []
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": "Words to look for in titles and text (full-text on PostgreSQL)",
                "schema": {"type": "string"},
            }
        ]


# PostgreSQL's text search configuration (its stemming) for the languages it has one for:
# what PostgreSQL knows, not the portal's list of languages (settings.LANGUAGES). A language
# without one here (kk, ky, tg, uz, tk have none in PostgreSQL) is searched with "simple".
LANGUAGE_CONFIGS = {"ru": "russian", "en": "english"}


def search_configuration(language: str) -> str:
    return LANGUAGE_CONFIGS.get(language, "simple")


def text_match(queryset, fields: list[str], q: str):
    """Rows whose fields match q: PostgreSQL full-text search with each language's stemming
    (websearch syntax, so quotes and `-word` work), a plain icontains on other databases."""
    if settings.IS_POSTGRES:
        # Only on PostgreSQL: django.contrib.postgres needs psycopg, SQLite installs need not.
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = query = None
        for field in fields:
            config = search_configuration(field.rsplit("_", 1)[-1])
            part = SearchVector(field, config=config)
            vector = part if vector is None else vector + part
            lang_query = SearchQuery(q, config=config, search_type="websearch")
            query = lang_query if query is None else query | lang_query
        return queryset.annotate(search_vector=vector).filter(search_vector=query)
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": q})
    return queryset.filter(condition)
