import django_filters
from django.db.models import Q
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import parsers, permissions, renderers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from drafts import editions
from drafts.access import readable, revision_readable
from drafts.akn import LANGUAGE_CODES, MAX_BYTES, akn_response
from drafts.models import OutcomeDocument, Paragraph
from drafts.selectors import (
    document_final,
    document_history,
    documents_readable_by,
    paragraph_keys_for_labels,
    paragraphs_data,
    revision_compare,
    revisions_readable_by,
)
from drafts.services import (
    document_adopt,
    draft_import_akn,
    sponsorship_set,
    statement_record,
)
from portal.api import (
    LANG_PARAMETER,
    FilterSet,
    PublicReadMixin,
    check_rule,
    pass_through_renderer,
    text_match,
)

from .schema import (
    COMPARE_EXAMPLE,
    DOCUMENT_EXAMPLE,
    ERRORS,
    NUMBER,
    REVISION_EXAMPLE,
    REVISION_NUMBER,
)
from .serializers import (
    AdoptSerializer,
    AknImportSerializer,
    AknQuerySerializer,
    CompareQuerySerializer,
    CompareSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    HistoryEventSerializer,
    RevisionSerializer,
    StatementWriteSerializer,
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
    search_text_fields = ["title_ru", "title_en"]

    def get_queryset(self):
        return documents_readable_by(self.request.user)

    def retrieve(self, request, pk=None):
        return self._detail(self.get_object())

    def _detail(self, document, status_code=status.HTTP_200_OK):
        """The document as it is now (after an action, read again), with its statements."""
        document = self.get_queryset().get(pk=document.pk)
        document.final_statements = document_final(document).statements
        return Response(
            DocumentDetailSerializer(document, context={"request": self.request}).data,
            status=status_code,
        )

    @extend_schema(
        summary="Record the adoption (secretariat)",
        description="Adopts the latest published revision, which must be agreed in every "
        "paragraph; otherwise 400, naming the paragraphs still open by their labels. The "
        "document takes its final symbol and the status `adopted` (the consultation closes); "
        "the delegations that commented are told by e-mail.",
        request=AdoptSerializer,
        responses={200: DocumentDetailSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["post"],
        filter_backends=[],
        permission_classes=[permissions.IsAuthenticated],
    )
    def adopt(self, request, pk=None):
        document = self.get_object()
        check_rule(request, "drafts.adopt_document", document)
        data = AdoptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["meeting"] = document.summit.meetings.filter(slug=values["meeting"]).first()
        document_adopt(
            document=document, user=request.user, base_url=request.build_absolute_uri("/"), **values
        )
        return self._detail(document)

    @extend_schema(
        summary="Record or change your delegation's statement (heads of delegation)",
        description="One statement per delegation: joins the consensus, joins with "
        "reservations (on named paragraphs, with a text), an explanation of position (a "
        "text), or does not join. Taken before adoption and after it until the deadline. "
        "A change names the `version` it was made from; a stale one is a 409.",
        request=StatementWriteSerializer,
        responses={200: DocumentDetailSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["put"],
        filter_backends=[],
        permission_classes=[permissions.IsAuthenticated],
    )
    def statement(self, request, pk=None):
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
        return self._detail(document)

    @extend_schema(
        summary="Add (POST) or withdraw (DELETE) your delegation as a sponsor (heads)",
        description="Resolutions only, until adoption.",
        request=None,
        responses={200: DocumentDetailSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["post", "delete"],
        filter_backends=[],
        permission_classes=[permissions.IsAuthenticated],
    )
    def sponsorship(self, request, pk=None):
        document = self.get_object()
        sponsorship_set(document=document, user=request.user, sponsor=request.method == "POST")
        return self._detail(document)

    @extend_schema(
        summary="The document's history: who did what, and when",
        description="Consultation opened and closed, revisions published, the adoption, "
        "statements and sponsors, newest first; the secretariat also sees its own events.",
        parameters=[LANG_PARAMETER],
        responses={200: HistoryEventSerializer(many=True), 404: ERRORS[404]},
    )
    @action(detail=True, filter_backends=[], pagination_class=None)
    def history(self, request, pk=None):
        document = self.get_object()
        full = request.user.has_perm("drafts.view_full_history")
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

    def search_extra(self, q):
        paragraphs = Paragraph.objects.filter(revision__in=revisions_readable_by(self.request.user))
        matching = text_match(paragraphs, ["text_ru", "text_en"], q)
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
    @action(
        detail=True,
        url_path=r"revisions/(?P<number>[0-9]{1,9})/akn",
        filter_backends=[],
        renderer_classes=[
            pass_through_renderer("akn", "application/akn+xml"),
            renderers.JSONRenderer,
        ],
    )
    def akn(self, request, pk=None, number=None):
        query = AknQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return akn_response(self._revision(number), query.validated_data["lang"])

    @extend_schema(
        summary="Start the draft from Akoma Ntoso files (secretariat)",
        description="Multipart: `ru` and/or `en`, each an AKN 3.0 `statement` file (at most 2 "
        "MB); `replace_edits` must be true when the draft has been edited since it was "
        "started. A file that is not XML, declares a DOCTYPE, fails the AKN schema or is "
        "not a statement is refused (400) and nothing changes.",
        request={"multipart/form-data": AknImportSerializer},
        responses={201: RevisionSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="draft/akn",
        filter_backends=[],
        parser_classes=[parsers.MultiPartParser],
        permission_classes=[permissions.IsAuthenticated],
    )
    def akn_import(self, request, pk=None):
        document = self.get_object()
        check_rule(request, "drafts.edit_draft", document, hide=True)
        data = AknImportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        editions = {
            language: data.validated_data[language].read(MAX_BYTES + 1)
            for language in ("ru", "en")
            if data.validated_data.get(language)
        }
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
