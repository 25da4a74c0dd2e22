"""Adoption's part of the documents' API: the document's adoption, statements, sponsors and
history, and the documents themselves with their adoption.

The four are sub-resources of a document (`/documents/<id>/adopt/`…), routed by summit.api;
they find the document as drafts' viewset does (404 when the client may read none of it).
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions
from rest_framework.response import Response

from drafts.api.schema import ERRORS
from drafts.api.views import DocumentViewSet as DraftsDocumentViewSet
from drafts.selectors import documents_readable_by
from portal.api import LANG_PARAMETER, PublicReadMixin, check_rule

from ..selectors import (
    document_final,
    document_history,
    documents_with_adoption,
    paragraph_keys_for_labels,
)
from ..services import document_adopt, sponsorship_set, statement_record
from .schema import DOCUMENT_EXAMPLE
from .serializers import (
    AdoptSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    HistoryEventSerializer,
    StatementWriteSerializer,
)


def document_detail_response(view, document) -> Response:
    """The document as it is now (after an action, read again), with its statements."""
    document = view.get_queryset().get(pk=document.pk)
    document.final_statements = document_final(document).statements
    return Response(DocumentDetailSerializer(document, context={"request": view.request}).data)


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
class DocumentViewSet(DraftsDocumentViewSet):
    # Drafts' documents with their final symbol, adoption, sponsors and statements: the
    # viewset the router mounts at documents/ (drafts itself knows nothing of adoption).
    # No docstring: the schema would print it as the operations' description.
    serializer_class = DocumentSerializer

    def get_queryset(self):
        return documents_with_adoption(super().get_queryset())

    def detail_response(self, document):
        return document_detail_response(self, document)


class DocumentPartView(PublicReadMixin, generics.GenericAPIView):
    """A sub-resource of one document the client may read."""

    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        return documents_with_adoption(documents_readable_by(self.request.user))


class DocumentAdoptView(DocumentPartView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Record the adoption (secretariat)",
        description="Adopts the latest published revision, which must be agreed in every "
        "paragraph; otherwise 400, naming the paragraphs still open by their labels. The "
        "document takes its final symbol and the status `adopted` (the consultation closes); "
        "the delegations that commented are told by e-mail.",
        request=AdoptSerializer,
        responses={200: DocumentDetailSerializer, **ERRORS},
    )
    def post(self, request, pk=None):
        document = self.get_object()
        check_rule(request, "adoption.adopt_document", document)
        data = AdoptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["meeting"] = document.summit.meetings.filter(slug=values["meeting"]).first()
        document_adopt(document=document, user=request.user, **values)
        return document_detail_response(self, document)


class DocumentStatementView(DocumentPartView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Record or change your delegation's statement (heads of delegation)",
        description="One statement per delegation: joins the consensus, joins with "
        "reservations (on named paragraphs, with a text), an explanation of position (a "
        "text), or does not join. Taken before adoption and after it until the deadline. "
        "A change names the `version` it was made from; a stale one is a 409.",
        request=StatementWriteSerializer,
        responses={200: DocumentDetailSerializer, **ERRORS},
    )
    def put(self, request, pk=None):
        document = self.get_object()
        data = StatementWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        statement_record(
            document=document,
            user=request.user,
            kind=values["kind"],
            text=values["text"],
            paragraph_keys=paragraph_keys_for_labels(document, values["paragraphs"]),
            version=values["version"],
        )
        return document_detail_response(self, document)


SPONSORSHIP_SCHEMA = extend_schema(
    summary="Add (POST) or withdraw (DELETE) your delegation as a sponsor (heads)",
    description="Resolutions only, until adoption.",
    request=None,
    responses={200: DocumentDetailSerializer, **ERRORS},
)


class DocumentSponsorshipView(DocumentPartView):
    permission_classes = [permissions.IsAuthenticated]

    @SPONSORSHIP_SCHEMA
    def post(self, request, pk=None):
        return self._set(request, sponsor=True)

    @SPONSORSHIP_SCHEMA
    def delete(self, request, pk=None):
        return self._set(request, sponsor=False)

    def _set(self, request, *, sponsor: bool):
        document = self.get_object()
        sponsorship_set(document=document, user=request.user, sponsor=sponsor)
        return document_detail_response(self, document)


class DocumentHistoryView(DocumentPartView):
    @extend_schema(
        summary="The document's history: who did what, and when",
        description="Consultation opened and closed, revisions published, the adoption, "
        "statements and sponsors, newest first; the secretariat also sees its own events.",
        parameters=[LANG_PARAMETER],
        responses={200: HistoryEventSerializer(many=True), 404: ERRORS[404]},
    )
    def get(self, request, pk=None):
        document = self.get_object()
        full = request.user.has_perm("adoption.view_full_history")
        events = [
            {
                "at": event.at,
                "what": event.what,
                "actor": str(event.actor) if event.actor else None,
                "public": event.public,
            }
            for event in document_history(document, full=full)
        ]
        return Response(HistoryEventSerializer(events, many=True).data)
