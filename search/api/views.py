from django.utils import translation
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import generics

from portal.api import LANG_PARAMETER, Pagination, PublicReadMixin
from portal.ids import MAX_ID

from ..models import Entry
from ..selectors import QUERY_MAX_LENGTH, search_entries
from ..snippets import snippet
from .serializers import SearchQuerySerializer, SearchResultSerializer

EXAMPLE = OpenApiExample(
    "A paragraph",
    value={
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "kind": "paragraph",
                "kind_label": "Paragraph",
                "title": "OP3 · Draft RES-2026 Declaration",
                "context": "RES-2026/DECL/DRAFT, revision 2",
                "snippet": "… calls for the <mark>restoration</mark> of degraded land …",
                "url": "https://summit.example.org/en/documents/declaration/rev/2/#OP3",
                "language": "en",
                "meeting": None,
                "updated_at": "2026-03-01T10:00:00+05:00",
            }
        ],
    },
    response_only=True,
)


class SearchView(PublicReadMixin, generics.ListAPIView):
    serializer_class = SearchResultSerializer
    pagination_class = Pagination
    filter_backends = []  # the query parameters are the search's own

    @extend_schema(
        summary="Search the portal's texts",
        description="Published paragraphs (with their label and revision), initiatives and "
        "their sections, the register's documents (their text) and meetings, in one language "
        "(`lang`, else Accept-Language), best match first. Every word of `q` must occur, in "
        'any of its forms ("restore" finds "restoration"; a Russian noun finds its other '
        "cases). Only what the caller may read is found: words that stand only in an "
        "unpublished draft are found by the secretariat alone. An empty `q`, or one longer "
        f"than {QUERY_MAX_LENGTH} characters, is a 400.",
        parameters=[
            OpenApiParameter(
                "q",
                {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": QUERY_MAX_LENGTH,
                    # Not NUL, and not blank alone.
                    "pattern": "^[^\\x00]*[^\\x00\\t\\n\\v\\f\\r ][^\\x00]*$",
                },
                required=True,
                description="The words to look for",
            ),
            OpenApiParameter("type", str, enum=Entry.Kind.values, description="Only this kind"),
            OpenApiParameter(
                "meeting",
                {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                description="Only what belongs to this meeting (its documents, the meeting)",
            ),
            LANG_PARAMETER,
        ],
        examples=[EXAMPLE],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        query = SearchQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        self.query = query.validated_data
        return search_entries(
            user=self.request.user,
            q=self.query["q"],
            language=translation.get_language(),
            kind=self.query.get("type", ""),
            meeting=self.query.get("meeting"),
        )

    def list(self, request, *args, **kwargs):
        entries = self.paginate_queryset(self.get_queryset())
        q, language = self.query["q"], translation.get_language()
        results = [
            {
                "kind": entry.kind,
                "kind_label": entry.get_kind_display(),
                "title": entry.title,
                "context": entry.context,
                "snippet": snippet(entry.body or entry.title, language, q),
                "url": request.build_absolute_uri(entry.url),
                "language": entry.language,
                "meeting": entry.meeting,
                "updated_at": entry.updated_at,
            }
            for entry in entries
        ]
        return self.get_paginated_response(SearchResultSerializer(results, many=True).data)
