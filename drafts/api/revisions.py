"""A document's revisions as sub-resources of the API, beside the documents' viewset:
/documents/{id}/revisions/{number}/ (one revision with its paragraphs) and
/documents/{id}/compare/?from=&to= (the differences between two), routed in summit/api.

The views carry no docstring of their own: the schema describes them by their `extend_schema`
and, where that gives no description, by portal.api.CachedMixin's, as it did when they were
actions of DocumentViewSet.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import renderers
from rest_framework.response import Response
from rest_framework.views import APIView

from drafts import editions
from drafts.access import readable, revision_readable
from drafts.selectors import revision_compare
from portal.api import LANG_PARAMETER, PublicReadMixin
from portal.ids import ID_PATH
from portal.representation import JSONRenderer

from .schema import COMPARE_EXAMPLE, ERRORS, NUMBER, REVISION_EXAMPLE, REVISION_NUMBER
from .serializers import CompareQuerySerializer, CompareSerializer, RevisionSerializer

# The document's id in the path, as the router gives it for the documents' own routes.
DOCUMENT_ID = OpenApiParameter(
    "id", {"type": "string", "pattern": f"^{ID_PATH}$"}, OpenApiParameter.PATH
)


class _DocumentPart(PublicReadMixin, APIView):
    # Errors are JSON even where ?format=api chose the browsable API, as for the documents.
    renderer_classes = [JSONRenderer, renderers.BrowsableAPIRenderer]

    def handle_exception(self, exc):
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)


class RevisionView(_DocumentPart):
    @extend_schema(
        summary="A revision with its paragraphs",
        description="Published revisions are public; the draft is the secretariat's (404 for "
        "anyone else, so its existence does not leak).",
        parameters=[DOCUMENT_ID, LANG_PARAMETER, NUMBER],
        responses={200: RevisionSerializer, 404: ERRORS[404]},
        examples=[REVISION_EXAMPLE],
    )
    def get(self, request, pk, number):
        found = editions.revision_with_stored(int(pk), int(number), "paragraphs")
        revision = readable(request.user, found)
        self._last_modified = revision.published_at
        return Response(RevisionSerializer(revision, context={"request": request}).data)

    def last_modified(self):
        # A published revision never changes, so its publication date is its last change.
        return getattr(self, "_last_modified", None)


class CompareView(_DocumentPart):
    @extend_schema(
        summary="Paragraph- and word-level differences between two revisions",
        parameters=[
            DOCUMENT_ID,
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
    def get(self, request, pk):
        query = CompareQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        old = revision_readable(request.user, number=query.validated_data["from"], document_id=pk)
        new = revision_readable(request.user, number=query.validated_data["to"], document_id=pk)
        compared = {
            "document": old.document_id,
            "from": old.number,
            "to": new.number,
            "changes": revision_compare(old, new),
        }
        return Response(CompareSerializer(compared).data)
