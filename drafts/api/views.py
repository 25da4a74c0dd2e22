import django_filters
from django.db.models import Q
from django.http import HttpResponse
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import renderers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from drafts import editions
from drafts.access import readable, revision_readable
from drafts.models import OutcomeDocument, Paragraph
from drafts.selectors import (
    documents_readable_by,
    paragraphs_data,
    revision_compare,
    revisions_readable_by,
)
from portal.api import (
    LANG_PARAMETER,
    FilterSet,
    PublicReadMixin,
    text_match,
)
from portal.languages import localized_names

from .schema import (
    COMPARE_EXAMPLE,
    DOCUMENT_EXAMPLE,
    ERRORS,
    NUMBER,
    REVISION_EXAMPLE,
    REVISION_NUMBER,
)
from .serializers import (
    CompareQuerySerializer,
    CompareSerializer,
    DocumentSerializer,
    RevisionSerializer,
    change_as_dict,
    revision_data,
)


class DocumentFilter(FilterSet):
    initiative = django_filters.CharFilter(
        field_name="initiatives__slug", distinct=True, help_text="Slug of an initiative"
    )

    class Meta:
        model = OutcomeDocument
        fields = ["kind", "status", "initiative"]


@extend_schema_view(
    list=extend_schema(
        summary="Outcome documents and the revisions you may read",
        description="The public sees only documents with a published revision.",
        parameters=[LANG_PARAMETER],
        examples=[DOCUMENT_EXAMPLE],
    ),
    retrieve=extend_schema(
        summary="One outcome document",
        parameters=[LANG_PARAMETER],
        examples=[DOCUMENT_EXAMPLE],
        responses={200: DocumentSerializer, 404: ERRORS[404]},
    ),
)
class DocumentViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    ordering_fields = ["kind", "symbol", "updated_at"]
    search_text_fields = localized_names("title")

    def get_queryset(self):
        return documents_readable_by(self.request.user)

    def retrieve(self, request, pk=None):
        return self.detail_response(self.get_object())

    def detail_response(self, document):
        """One document, read again with what the list prefetches. The apps above extend it
        (adoption.api.views adds the statements) in the viewset the router mounts."""
        document = self.get_queryset().get(pk=document.pk)
        return Response(
            self.get_serializer_class()(document, context={"request": self.request}).data
        )

    def search_extra(self, q):
        paragraphs = Paragraph.objects.filter(revision__in=revisions_readable_by(self.request.user))
        matching = text_match(paragraphs, localized_names("text"), q)
        return Q(pk__in=matching.values("revision__document_id"))

    def handle_exception(self, exc):
        # Errors are JSON even where ?format=csv chose a spreadsheet renderer.
        self.request.accepted_renderer = renderers.JSONRenderer()
        self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)

    def _revision(self, number):
        return revision_readable(self.request.user, number=number, document_id=self.kwargs["pk"])

    @extend_schema(
        summary="A revision with its paragraphs",
        description="Published revisions are public; the draft is the secretariat's (404 for "
        "anyone else, so its existence does not leak).",
        parameters=[LANG_PARAMETER, NUMBER],
        responses={200: RevisionSerializer, 404: ERRORS[404]},
        examples=[REVISION_EXAMPLE],
    )
    @action(detail=True, url_path=r"revisions/(?P<number>[0-9]{1,9})", filter_backends=[])
    def revision(self, request, pk=None, number=None):
        found = editions.revision_with_stored(int(pk), int(number), "paragraphs")
        revision = readable(request.user, found)
        self._last_modified = revision.published_at
        rendered = None
        if request.accepted_renderer.format == "json":
            rendered = editions.stored(revision, "paragraphs")
        if rendered is None:  # a draft, or the browsable API
            return Response(revision_data(revision, paragraphs_data(revision)))
        # A published revision's paragraphs are stored as the JSON the API sends: only the
        # few fields around them are rendered, and the paragraphs come last.
        head = renderers.JSONRenderer().render(revision_data(revision, []))
        body = head.removesuffix(b'"paragraphs":[]}') + b'"paragraphs":' + rendered.encode() + b"}"
        return HttpResponse(body, content_type="application/json")

    def last_modified(self):
        # A published revision never changes, so its publication date is its last change.
        return getattr(self, "_last_modified", None)

    @extend_schema(
        summary="Paragraph- and word-level differences between two revisions",
        parameters=[
            LANG_PARAMETER,
            OpenApiParameter(
                "from", REVISION_NUMBER, required=True, description="Older revision number"
            ),
            OpenApiParameter(
                "to", REVISION_NUMBER, required=True, description="Newer revision number"
            ),
        ],
        responses={200: CompareSerializer, 400: ERRORS[400], 404: ERRORS[404]},
        examples=[COMPARE_EXAMPLE],
    )
    @action(detail=True, filter_backends=[], pagination_class=None)
    def compare(self, request, pk=None):
        query = CompareQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        old = self._revision(query.validated_data["from"])
        new = self._revision(query.validated_data["to"])
        changes = revision_compare(old, new)
        return Response(
            {
                "document": old.document_id,
                "from": old.number,
                "to": new.number,
                "changes": [change_as_dict(change) for change in changes],
            }
        )
