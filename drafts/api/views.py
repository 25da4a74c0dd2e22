import django_filters
from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, parsers, permissions, renderers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from drafts.access import may_read_revision, revision_readable
from drafts.akn import LANGUAGE_CODES, MAX_BYTES, akn_response
from drafts.compilation import COMPILATION_FORMATS, compilation_response
from drafts.models import Comment, OutcomeDocument, Paragraph
from drafts.selectors import (
    comments_visible_to,
    document_final,
    document_history,
    documents_readable_by,
    paragraph_keys_for_labels,
    paragraphs_data,
    paragraphs_labelled,
    revision_latest_published,
    revisions_readable_by,
)
from drafts.services import (
    comment_answer,
    comment_create,
    comment_edit,
    document_adopt,
    draft_import_akn,
    sponsorship_set,
    statement_record,
)
from portal.api import (
    LANG_PARAMETER,
    APIViewMixin,
    ErrorSerializer,
    FilterSet,
    IdFilter,
    PublicReadMixin,
    RulesPermission,
    check_rule,
    pass_through_renderer,
    text_match,
)

from .schema import (
    COMMENT_EXAMPLE,
    DOCUMENT_EXAMPLE,
    ERRORS,
    NUMBER,
)
from .serializers import (
    AdoptSerializer,
    AknImportSerializer,
    AknQuerySerializer,
    CommentCreateSerializer,
    CommentEditSerializer,
    CommentResponseSerializer,
    CommentSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    HistoryEventSerializer,
    RevisionSerializer,
    StatementWriteSerializer,
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
        summary="The compilation of comments (secretariat)",
        description="`?format=csv` (default), `?format=xlsx` or `?format=pdf` (a table, in the "
        "language of `?lang=` or Accept-Language).",
        parameters=[
            NUMBER,
            LANG_PARAMETER,
            OpenApiParameter(
                "format", str, enum=list(COMPILATION_FORMATS), description="File format"
            ),
        ],
        responses={
            **{
                (200, compilation_format.content_type.split(";")[0]): OpenApiResponse(
                    OpenApiTypes.BINARY, description=f"The compilation as {name.upper()}"
                )
                for name, compilation_format in COMPILATION_FORMATS.items()
            },
            (403, "application/json"): ERRORS[403],
            (404, "application/json"): ERRORS[404],
        },
    )
    @action(
        detail=True,
        url_path=r"revisions/(?P<number>[0-9]{1,9})/compilation",
        filter_backends=[],
        # The renderers only let `?format=` choose among the formats; the files are made by
        # drafts.compilation, the same as for the page.
        renderer_classes=[
            *(
                pass_through_renderer(name, compilation_format.content_type.split(";")[0])
                for name, compilation_format in COMPILATION_FORMATS.items()
            ),
            renderers.JSONRenderer,
        ],
    )
    def compilation(self, request, pk=None, number=None):
        revision = self._revision(number)
        check_rule(request, "drafts.view_compilation", revision)
        return compilation_response(revision, request.accepted_renderer.format)

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


class CommentFilter(FilterSet):
    document = IdFilter(field_name="revision__document_id", help_text="Document id")
    revision = IdFilter(
        field_name="revision__number", help_text="Revision number (with `document`)"
    )
    paragraph = IdFilter(field_name="paragraph_id", help_text="Paragraph id")
    delegation = django_filters.CharFilter(field_name="delegation__slug")

    class Meta:
        model = Comment
        fields = ["document", "revision", "paragraph", "kind", "status", "delegation"]


@extend_schema_view(
    list=extend_schema(
        summary="The comments you may see",
        parameters=[LANG_PARAMETER],
        examples=[COMMENT_EXAMPLE],
    ),
    retrieve=extend_schema(
        summary="One comment",
        examples=[COMMENT_EXAMPLE],
        responses={200: CommentSerializer, **ERRORS},
    ),
    create=extend_schema(
        summary="Comment on a paragraph or the whole document, or reply",
        request=CommentCreateSerializer,
        responses={201: CommentSerializer, **ERRORS},
        examples=[
            COMMENT_EXAMPLE,
            OpenApiExample(
                "Propose an amendment",
                value={
                    "paragraph": 12,
                    "kind": "amendment",
                    "body": "Clearer wording.",
                    "proposed_text": "Decides to launch the Green Shield initiative;",
                },
                request_only=True,
            ),
        ],
    ),
    partial_update=extend_schema(
        summary="Edit your comment until it is answered",
        request=CommentEditSerializer,
        responses={
            200: CommentSerializer,
            **ERRORS,
            409: OpenApiResponse(ErrorSerializer, description="Changed since `version`"),
        },
        examples=[
            COMMENT_EXAMPLE,
            OpenApiExample(
                "Edit",
                value={"body": "Clearer wording, please.", "version": 1},
                request_only=True,
            ),
        ],
    ),
)
class CommentViewSet(
    APIViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = CommentSerializer
    permission_classes = [permissions.IsAuthenticated, RulesPermission]
    rules_object_perms = {
        "GET": "drafts.view_comment",
        "PATCH": "drafts.change_comment",
        "POST": "drafts.answer_comment",  # the only POST on one comment is the answer
    }
    rules_hide_denied = False
    filterset_class = CommentFilter
    ordering_fields = ["created_at", "status", "kind"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return comments_visible_to(
            self.request.user,
            Comment.objects.select_related("revision", "paragraph", "author", "delegation"),
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        # Labels for the whole page in one query, not one per comment.
        paragraphs_labelled(comment.paragraph for comment in page or [])
        return page

    def create(self, request):
        data = CommentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        parent, paragraph = values.get("parent"), values.get("paragraph")
        if parent is not None:
            revision = parent.revision
        elif paragraph is not None:
            revision = paragraph.revision
            if not may_read_revision(request.user, revision):
                raise exceptions.ValidationError({"paragraph": [_("Unknown paragraph.")]})
        elif values.get("document") is not None:
            revision = revision_latest_published(values["document"])
            if revision is None:
                raise exceptions.ValidationError(
                    {"document": [_("This document has no published revision.")]}
                )
        else:
            raise exceptions.ValidationError(
                {"document": [_("Give the paragraph, or the document for a general comment.")]}
            )
        comment = comment_create(
            author=request.user,
            revision=revision,
            paragraph=paragraph,
            parent=parent,
            kind=values["kind"],
            body=values["body"],
            proposed_text=values["proposed_text"],
            visibility=values["visibility"],
            line_first=values["line_first"],
            line_last=values["line_last"],
            cited_language=values["cited_language"],
        )
        return Response(
            CommentSerializer(self.get_queryset().get(pk=comment.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    def partial_update(self, request, pk=None):
        comment = self.get_object()
        data = CommentEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment_edit(comment=comment, user=request.user, **data.validated_data)
        return Response(CommentSerializer(self.get_queryset().get(pk=comment.pk)).data)

    @extend_schema(
        summary="Answer a comment (secretariat)",
        request=CommentResponseSerializer,
        responses={200: CommentSerializer, **ERRORS},
        examples=[
            COMMENT_EXAMPLE,
            OpenApiExample(
                "Accept",
                value={"status": "accepted", "response": "Reflected in Rev.2."},
                request_only=True,
            ),
        ],
    )
    @action(detail=True, methods=["post"], url_path="response", filter_backends=[])
    def answer(self, request, pk=None):
        comment = self.get_object()
        data = CommentResponseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment_answer(comment=comment, user=request.user, **data.validated_data)
        return Response(CommentSerializer(self.get_queryset().get(pk=comment.pk)).data)
