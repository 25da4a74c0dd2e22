import django_filters
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, permissions, renderers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from drafts.compilation import compilation_csv, compilation_xlsx
from drafts.models import Comment, OutcomeDocument, Paragraph
from drafts.selectors import (
    comments_visible_to,
    documents_readable_by,
    paragraphs_numbered,
    revision_compare,
    revision_latest_published,
    revisions_readable_by,
)
from drafts.services import comment_answer, comment_create, comment_edit
from pdfs.api.serializers import PdfJobSerializer, PdfRequestSerializer
from pdfs.api.views import (
    PDF_JOB_READY,
    PDF_JOB_REDIS_DOWN,
    job_answer,
    pdf_job_queued_example,
)
from pdfs.compilation import compilation_pdf
from pdfs.services import pdf_job_request
from portal.api import (
    LANG_PARAMETER,
    APIViewMixin,
    ErrorSerializer,
    FilterSet,
    IdFilter,
    PublicReadMixin,
    RulesPermission,
    check_rule,
    text_match,
)

from .serializers import (
    CommentCreateSerializer,
    CommentEditSerializer,
    CommentResponseSerializer,
    CommentSerializer,
    CompareQuerySerializer,
    CompareSerializer,
    DocumentSerializer,
    RevisionSerializer,
    change_as_dict,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

DOCUMENT_EXAMPLE = OpenApiExample(
    "Draft declaration",
    value={
        "id": 1,
        "slug": "declaration",
        "symbol": "RES-2026/DECL/1",
        "kind": "declaration",
        "title": "Draft Astana Declaration",
        "status": "consultation",
        "comment_deadline": "2026-04-01T18:00:00+05:00",
        "consultation_open": True,
        "initiatives": ["green-shield"],
        "revisions": [
            {
                "number": 1,
                "state": "published",
                "published_at": "2026-03-01T10:00:00+05:00",
                "summary": "First draft",
            }
        ],
        "updated_at": "2026-03-01T10:00:00+05:00",
    },
    response_only=True,
)
REVISION_EXAMPLE = OpenApiExample(
    "Rev.1 of the declaration",
    value={
        "id": 3,
        "document": 1,
        "number": 1,
        "state": "published",
        "published_at": "2026-03-01T10:00:00+05:00",
        "summary": "First draft",
        "paragraphs": [
            {
                "id": 11,
                "key": "a1b2c3d4e5f6",
                "number": None,
                "position": 1,
                "kind": "preambular",
                "text": "Recognising the fragility of mountain ecosystems,",
                "negotiation": "proposed",
                "lines": None,
            },
            {
                "id": 12,
                "key": "0f9e8d7c6b5a",
                "number": 1,
                "position": 2,
                "kind": "operative",
                "text": "Decides to establish the Green Shield initiative;",
                "negotiation": "agreed",
                "lines": [3, 4],
            },
        ],
    },
    response_only=True,
)
COMPARE_EXAMPLE = OpenApiExample(
    "Rev.1 → Rev.2",
    value={
        "document": 1,
        "from": 1,
        "to": 2,
        "changes": [
            {
                "change": "changed",
                "key": "0f9e8d7c6b5a",
                "moved": False,
                "renumbered": False,
                "old": {"number": 1, "kind": "operative", "text": "Decides to act;"},
                "new": {"number": 1, "kind": "operative", "text": "Decides to act now;"},
                "words": [
                    {"op": "equal", "text": "Decides to act"},
                    {"op": "insert", "text": " now"},
                    {"op": "equal", "text": ";"},
                ],
            }
        ],
    },
    response_only=True,
)
COMMENT_EXAMPLE = OpenApiExample(
    "An amendment",
    value={
        "id": 7,
        "document": 1,
        "revision": 1,
        "paragraph": 12,
        "paragraph_key": "0f9e8d7c6b5a",
        "parent": None,
        "kind": "amendment",
        "body": "Clearer wording.",
        "proposed_text": "Decides to launch the Green Shield initiative;",
        "visibility": "all",
        "status": "open",
        "response": "",
        "responded_at": None,
        "author": "Alice Example",
        "delegation": "kz",
        "hidden": False,
        "created_at": "2026-03-02T09:00:00+05:00",
        "updated_at": "2026-03-02T09:00:00+05:00",
        "version": 1,
    },
    response_only=True,
)
ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input"),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed"),
    404: OpenApiResponse(ErrorSerializer, description="Not found (or not visible to you)"),
}
# Revision numbers as the routes (at most 9 digits) and CompareQuerySerializer accept them.
REVISION_NUMBER = {"type": "integer", "minimum": 1, "maximum": 100000}
NUMBER = OpenApiParameter(
    "number", REVISION_NUMBER, OpenApiParameter.PATH, description="Revision number"
)


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class XLSXRenderer(renderers.BaseRenderer):
    media_type = XLSX
    format = "xlsx"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class PDFRenderer(renderers.BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


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

    def search_extra(self, q):
        paragraphs = Paragraph.objects.filter(revision__in=revisions_readable_by(self.request.user))
        matching = text_match(paragraphs, ["text_ru", "text_en"], q)
        return Q(pk__in=matching.values("revision__document_id"))

    def handle_exception(self, exc):
        # Errors are JSON even where ?format=csv chose a spreadsheet renderer.
        self.request.accepted_renderer = renderers.JSONRenderer()
        self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)

    def _revision(self, number, *, hide=True):
        document = self.get_object()
        revision = get_object_or_404(document.revisions.all(), number=number)
        revision.document = document
        check_rule(self.request, "drafts.read_revision", revision, hide=hide)
        return revision

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
        revision = self._revision(number)
        self._last_modified = revision.published_at
        paragraphs = paragraphs_numbered(revision)
        return Response(RevisionSerializer(revision, context={"paragraphs": paragraphs}).data)

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
        summary="Ask for the PDF of a revision",
        description="Whoever may read the revision may ask (the public for published ones; "
        "the draft is the secretariat's, 404 for anyone else). 200 when the file exists "
        "(`file_url`); otherwise 202 with the job, to follow at `status_url`. When the queue "
        "is unreachable the job stays `pending` and is sent automatically later; `message` "
        "says so. Asking again never renders twice; it retries a failed job.",
        parameters=[NUMBER, LANG_PARAMETER],
        request=PdfRequestSerializer,
        responses={
            200: OpenApiResponse(PdfJobSerializer, description="The PDF exists"),
            202: OpenApiResponse(PdfJobSerializer, description="The PDF is being made"),
            400: ERRORS[400],
            404: ERRORS[404],
        },
        examples=[
            OpenApiExample("Russian", value={"lang": "ru"}, request_only=True),
            PDF_JOB_READY,
            pdf_job_queued_example("202"),
            PDF_JOB_REDIS_DOWN,
        ],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"revisions/(?P<number>[0-9]{1,9})/pdf",
        filter_backends=[],
        pagination_class=None,
    )
    def pdf(self, request, pk=None, number=None):
        revision = self._revision(number)
        data = PdfRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = request.user if request.user.is_authenticated else None
        # A broker outage is not an error here: the job row is saved first and stays pending
        # (pdfs.services), so the answer is a 202 whose message says the PDF will follow.
        job = pdf_job_request(revision=revision, language=data.validated_data["lang"], user=user)
        return Response(
            PdfJobSerializer(job_answer(request, job)).data,
            status=status.HTTP_200_OK if job.is_ready else status.HTTP_202_ACCEPTED,
        )

    @extend_schema(
        summary="The compilation of comments (secretariat)",
        description="`?format=csv` (default), `?format=xlsx` or `?format=pdf` (a table, in the "
        "language of `?lang=` or Accept-Language).",
        parameters=[
            NUMBER,
            LANG_PARAMETER,
            OpenApiParameter("format", str, enum=["csv", "xlsx", "pdf"], description="File format"),
        ],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="CSV file"),
            (200, XLSX): OpenApiResponse(OpenApiTypes.BINARY, description="Excel workbook"),
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="PDF table"),
            (403, "application/json"): ERRORS[403],
            (404, "application/json"): ERRORS[404],
        },
    )
    @action(
        detail=True,
        url_path=r"revisions/(?P<number>[0-9]{1,9})/compilation",
        filter_backends=[],
        renderer_classes=[CSVRenderer, XLSXRenderer, PDFRenderer, renderers.JSONRenderer],
    )
    def compilation(self, request, pk=None, number=None):
        revision = self._revision(number)
        check_rule(request, "drafts.view_compilation", revision)
        name = f"{revision.document.slug}-rev{revision.number}-compilation"
        if request.accepted_renderer.format == "pdf":
            # Rendered in the request, like the CSV (why not as a job: pdfs/compilation.py).
            response = HttpResponse(compilation_pdf(revision), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        elif request.accepted_renderer.format == "xlsx":
            response = HttpResponse(compilation_xlsx(revision), content_type=XLSX)
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        else:
            response = HttpResponse(
                compilation_csv(revision), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response


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

    def create(self, request):
        data = CommentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        parent, paragraph = values.get("parent"), values.get("paragraph")
        if parent is not None:
            revision = parent.revision
        elif paragraph is not None:
            revision = paragraph.revision
            if not request.user.has_perm("drafts.read_revision", revision):
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
