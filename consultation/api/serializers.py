from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from drafts.models import MAX_LINE, OutcomeDocument, Paragraph
from portal.api import MAX_ID, IdField, StrictCharField, StrictIntegerField

from ..models import COMMENT_MAX_LENGTH, Comment


class CommentSerializer(serializers.ModelSerializer):
    document = serializers.IntegerField(source="revision.document_id", read_only=True)
    revision = serializers.IntegerField(source="revision.number", read_only=True)
    paragraph_key = serializers.CharField(
        source="paragraph.key", read_only=True, allow_null=True, default=None
    )
    paragraph_label = serializers.CharField(
        source="paragraph.label",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="The paragraph's citable label (OP5…); null for the whole document.",
    )
    cited_language = serializers.SerializerMethodField(
        help_text="The language edition whose line numbers `line_first`…`line_last` are; "
        "null when no line is cited."
    )
    response_language = serializers.SerializerMethodField(
        help_text="The language the response is written in; null without a response."
    )
    citation = serializers.CharField(
        read_only=True,
        help_text='What the comment is about, as people cite it: "OP5, l. 23–24 (ru)".',
    )
    author = serializers.CharField(source="author.__str__", read_only=True)
    # None for the secretariat's own comments: it speaks for no delegation.
    delegation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    hidden = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id",
            "document",
            "revision",
            "paragraph",
            "paragraph_key",
            "paragraph_label",
            "line_first",
            "line_last",
            "cited_language",
            "citation",
            "parent",
            "kind",
            "body",
            "proposed_text",
            "visibility",
            "language",
            "status",
            "response",
            "response_language",
            "responded_at",
            "author",
            "delegation",
            "hidden",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=settings.LANGUAGES, allow_null=True))
    def get_cited_language(self, comment) -> str | None:
        return comment.cited_language or None

    @extend_schema_field(serializers.ChoiceField(choices=settings.LANGUAGES, allow_null=True))
    def get_response_language(self, comment) -> str | None:
        return comment.response_language or None

    def get_hidden(self, comment) -> bool:
        return comment.hidden_at is not None


class CommentCreateSerializer(serializers.Serializer):
    paragraph = IdField(
        queryset=Paragraph.objects.select_related("revision__document"),
        required=False,
        allow_null=True,
        help_text="The paragraph commented on; none for the whole document (give `document`).",
    )
    document = IdField(
        queryset=OutcomeDocument.objects.all(),
        required=False,
        allow_null=True,
        help_text="For a comment on the whole document: its latest published revision.",
    )
    parent = IdField(
        queryset=Comment.objects.select_related("revision__document"),
        required=False,
        allow_null=True,
        help_text="The comment this one replies to.",
    )
    kind = serializers.ChoiceField(choices=Comment.Kind.choices, default=Comment.Kind.COMMENT)
    body = StrictCharField(allow_blank=True, max_length=COMMENT_MAX_LENGTH)
    proposed_text = StrictCharField(
        allow_blank=True, required=False, default="", max_length=COMMENT_MAX_LENGTH
    )
    visibility = serializers.ChoiceField(
        choices=Comment.Visibility.choices, default=Comment.Visibility.ALL
    )
    line_first = StrictIntegerField(
        min_value=1,
        max_value=MAX_LINE,
        required=False,
        allow_null=True,
        default=None,
        help_text="First line cited, as numbered in the `cited_language` edition.",
    )
    line_last = StrictIntegerField(
        min_value=1,
        max_value=MAX_LINE,
        required=False,
        allow_null=True,
        default=None,
        help_text="Last line cited (the first alone cites one line).",
    )
    cited_language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        allow_blank=True,
        default="",
        help_text="The language edition whose line numbers are cited; the request's language by default.",
    )


class CommentEditSerializer(serializers.Serializer):
    body = StrictCharField(allow_blank=True, max_length=COMMENT_MAX_LENGTH)
    proposed_text = StrictCharField(
        allow_blank=True, required=False, default="", max_length=COMMENT_MAX_LENGTH
    )
    version = StrictIntegerField(
        min_value=1,
        max_value=MAX_ID,
        help_text="The version the edit started from (optimistic locking).",
    )


class CommentResponseSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Comment.Status.choices)
    response = StrictCharField(
        allow_blank=True, required=False, default="", max_length=COMMENT_MAX_LENGTH
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        allow_blank=True,
        default="",
        help_text="The language the response is written in; the request's language by default.",
    )
