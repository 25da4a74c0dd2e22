import django_filters
from django.db.models import Q
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.response import Response

from drafts.models import OutcomeDocument, Paragraph
from drafts.selectors import (
    documents_readable_by,
    revisions_readable_by,
)
from portal.api import (
    LANG_PARAMETER,
    FilterSet,
    PublicReadMixin,
)
from portal.languages import localized_names
from portal.textsearch import text_match

from .schema import (
    DOCUMENT_EXAMPLE,
    ERRORS,
)
from .serializers import (
    DocumentSerializer,
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
