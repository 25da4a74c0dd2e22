import django_filters
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
from rest_framework.views import APIView

from drafts.access import may_read_revision, revision_readable
from drafts.api.schema import ERRORS, NUMBER
from drafts.selectors import paragraphs_labelled, revision_latest_published
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
)

from ..compilation import COMPILATION_FORMATS, compilation_response
from ..models import Comment
from ..services import comment_answer, comment_create, comment_edit
from .schema import COMMENT_EXAMPLE
from .serializers import (
    CommentCreateSerializer,
    CommentEditSerializer,
    CommentResponseSerializer,
    CommentSerializer,
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
        "GET": "consultation.view_comment",
        "PATCH": "consultation.change_comment",
        "POST": "consultation.answer_comment",  # the only POST on one comment is the answer
    }
    rules_hide_denied = False
    filterset_class = CommentFilter
    ordering_fields = ["created_at", "status", "kind"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return Comment.objects.select_related(
            "revision", "paragraph", "author", "delegation"
        ).visible_to(self.request.user)

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


class RevisionCompilationView(PublicReadMixin, APIView):
    """The compilation of a revision's comments, under the revision it compiles (the route is
    summit/api's, beside the document's own)."""

    # The renderers only let `?format=` choose among the formats; the files are made by
    # consultation.compilation, the same as for the page. Read when the class is made, so
    # after every app's ready(): pdfs has registered its format by then (the URLconf, which
    # imports this module, is loaded after the apps).
    renderer_classes = [
        *(
            pass_through_renderer(name, compilation_format.content_type.split(";")[0])
            for name, compilation_format in COMPILATION_FORMATS.items()
        ),
        renderers.JSONRenderer,
    ]

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
    def get(self, request, pk, number):
        revision = revision_readable(request.user, number=number, document_id=pk)
        check_rule(request, "consultation.view_compilation", revision)
        return compilation_response(revision, request.accepted_renderer.format)
