"""`?search=` of the API, and the text search configuration of each language: PostgreSQL's
full-text search there, a plain icontains on other databases."""

from django.conf import settings
from django.db.models import Q
from rest_framework import filters


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
