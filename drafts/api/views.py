import django_filters
from django.db.models import Q
from django.http import HttpResponse
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

from drafts import editions
from drafts.access import may_read_revision, readable, revision_readable
from drafts.compilation import COMPILATION_FORMATS, compilation_response
from drafts.models import Comment, OutcomeDocument, Paragraph
from drafts.selectors import (
    comments_visible_to,
    documents_readable_by,
    paragraphs_data,
    paragraphs_labelled,
    revision_compare,
    revision_latest_published,
    revisions_readable_by,
)
from drafts.services import (
    comment_answer,
    comment_create,
    comment_edit,
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
from portal.languages import localized_names

from .schema import (
    COMMENT_EXAMPLE,
    COMPARE_EXAMPLE,
    DOCUMENT_EXAMPLE,
    ERRORS,
    NUMBER,
    REVISION_EXAMPLE,
    REVISION_NUMBER,
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
