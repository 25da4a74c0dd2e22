"""The Akoma Ntoso part of the documents' API: a revision's XML and the import of a draft.

Both are sub-resources of a document (`/documents/<id>/revisions/<n>/akn/`,
`/documents/<id>/draft/akn/`), routed by summit.api; they find the document and the revision
as drafts' viewset does.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, parsers, permissions, renderers, status
from rest_framework.response import Response

from drafts.access import revision_readable
from drafts.api.schema import ERRORS, NUMBER
from drafts.api.serializers import RevisionSerializer
from drafts.selectors import documents_readable_by, paragraphs_data
from portal.api import PublicReadMixin, check_rule, pass_through_renderer

from ..documents import LANGUAGE_CODES, MAX_BYTES, akn_response
from ..services import draft_import_akn
from .serializers import AknImportSerializer, AknQuerySerializer


class DocumentPartView(PublicReadMixin, generics.GenericAPIView):
    """A sub-resource of one document the client may read."""

    filter_backends = []

    def get_queryset(self):
        return documents_readable_by(self.request.user)


class RevisionAknView(DocumentPartView):
    renderer_classes = [
        pass_through_renderer("akn", "application/akn+xml"),
        renderers.JSONRenderer,
    ]

    @extend_schema(
        summary="A revision as Akoma Ntoso XML (one language edition)",
        description="AKN 3.0 in the UN's conventions (AKN4UN): a `statement`, FRBR metadata, "
        "eIds that follow a paragraph across revisions. Whoever may read the revision may "
        "download it; the draft is the secretariat's (404 for anyone else).",
        parameters=[
            NUMBER,
            OpenApiParameter(
                "lang", str, enum=list(LANGUAGE_CODES), required=True, description="Edition"
            ),
        ],
        responses={
            (200, "application/akn+xml"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The AKN XML file"
            ),
            (404, "application/json"): ERRORS[404],
        },
    )
    def get(self, request, pk=None, number=None):
        query = AknQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        revision = revision_readable(request.user, number=number, document_id=pk)
        return akn_response(revision, query.validated_data["lang"])


class DraftAknImportView(DocumentPartView):
    parser_classes = [parsers.MultiPartParser]
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Start the draft from Akoma Ntoso files (secretariat)",
        description="Multipart: `ru` and/or `en`, each an AKN 3.0 `statement` file (at most 2 "
        "MB); `replace_edits` must be true when the draft has been edited since it was "
        "started. A file that is not XML, declares a DOCTYPE, fails the AKN schema or is "
        "not a statement is refused (400) and nothing changes.",
        request={"multipart/form-data": AknImportSerializer},
        responses={201: RevisionSerializer, **ERRORS},
    )
    def post(self, request, pk=None):
        document = self.get_object()
        check_rule(request, "drafts.edit_draft", document, hide=True)
        data = AknImportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        editions = data.editions(MAX_BYTES)
        draft = draft_import_akn(
            document=document,
            user=request.user,
            editions=editions,
            replace_edits=data.validated_data["replace_edits"],
        )
        draft.document = document
        return Response(
            RevisionSerializer(draft, context={"paragraphs": paragraphs_data(draft)}).data,
            status=status.HTTP_201_CREATED,
        )
