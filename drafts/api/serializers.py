from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from drafts import editions
from drafts.models import (
    COMMENT_MAX_LENGTH,
    MAX_LINE,
    STATEMENT_MAX_LENGTH,
    Adoption,
    Comment,
    OutcomeDocument,
    Paragraph,
    Revision,
    Statement,
)
from drafts.selectors import paragraphs_numbered
from initiatives.api.serializers import DelegationBriefSerializer
from portal.api import (
    MAX_ID,
    IdField,
    ModelSerializer,
    PreRenderedJSON,
    StrictCharField,
    StrictIntegerField,
)

from .paragraphs import ParagraphSerializer


class RevisionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Revision
        fields = ["number", "state", "published_at", "summary"]


class AdoptionMeetingSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()


class AdoptionBriefSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="The adopted text's title, without “Draft”.")
    method = serializers.ChoiceField(choices=Adoption.Method.choices)
    votes_for = serializers.IntegerField(allow_null=True)
    votes_against = serializers.IntegerField(allow_null=True)
    abstentions = serializers.IntegerField(allow_null=True)


class StatementSerializer(serializers.ModelSerializer):
    delegation = DelegationBriefSerializer(read_only=True)
    paragraphs = serializers.ListField(
        source="labels",
        child=serializers.CharField(),
        read_only=True,
        help_text="The labels of the paragraphs a reservation concerns (OP2…).",
    )

    class Meta:
        model = Statement
        fields = ["delegation", "kind", "paragraphs", "text", "language", "version", "updated_at"]
        read_only_fields = fields


class DocumentSerializer(serializers.ModelSerializer):
    initiatives = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    revisions = RevisionBriefSerializer(
        source="readable_revisions",
        many=True,
        read_only=True,
        help_text="The revisions this client may read: the published ones for the public.",
    )
    consultation_open = serializers.BooleanField(read_only=True)
    final_symbol = serializers.CharField(
        source="adoption.final_symbol",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="The symbol the adopted document is issued under; null until adoption.",
    )
    adopted_at = serializers.DateField(
        source="adoption.adopted_on", read_only=True, allow_null=True, default=None
    )
    meeting = AdoptionMeetingSerializer(
        source="adoption.meeting",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="The meeting of the programme that adopted it.",
    )
    adoption = AdoptionBriefSerializer(read_only=True, allow_null=True, default=None)
    sponsors = serializers.SerializerMethodField(
        help_text="Resolutions: the delegations sponsoring it, as they are listed."
    )

    class Meta:
        model = OutcomeDocument
        fields = [
            "id",
            "slug",
            "symbol",
            "kind",
            "title",
            "status",
            "comment_deadline",
            "consultation_open",
            "initiatives",
            "revisions",
            "final_symbol",
            "adopted_at",
            "meeting",
            "adoption",
            "statement_deadline",
            "sponsors",
            "updated_at",
        ]

    @extend_schema_field(DelegationBriefSerializer(many=True))
    def get_sponsors(self, document) -> list[dict]:
        # documents_readable_by prefetches them for a list.
        return DelegationBriefSerializer(
            [row.delegation for row in document.sponsorship_rows], many=True
        ).data


class DocumentDetailSerializer(DocumentSerializer):
    statements = StatementSerializer(
        source="final_statements",
        many=True,
        read_only=True,
        help_text="The statements of delegations, in the order delegations are listed.",
    )

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "statements"]


class AdoptSerializer(serializers.Serializer):
    meeting = StrictCharField(
        max_length=50, help_text="The slug of the meeting of the programme that adopted it."
    )
    adopted_on = serializers.DateField()
    method = serializers.ChoiceField(choices=Adoption.Method.choices)
    votes_for = StrictIntegerField(
        min_value=0, max_value=999, required=False, allow_null=True, default=None
    )
    votes_against = StrictIntegerField(
        min_value=0, max_value=999, required=False, allow_null=True, default=None
    )
    abstentions = StrictIntegerField(
        min_value=0, max_value=999, required=False, allow_null=True, default=None
    )
    final_symbol = StrictCharField(max_length=60)
    title_ru = StrictCharField(max_length=400, required=False, default="", allow_blank=True)
    title_en = StrictCharField(max_length=400, required=False, default="", allow_blank=True)
    statement_deadline = serializers.DateTimeField(required=False, allow_null=True, default=None)


class StatementWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Statement.Kind.choices)
    paragraphs = serializers.ListField(
        child=StrictCharField(max_length=12),
        required=False,
        default=list,
        max_length=500,
        help_text="For reservations: the labels of the paragraphs (OP2 or ОП2…).",
    )
    text = StrictCharField(
        allow_blank=True, required=False, default="", max_length=STATEMENT_MAX_LENGTH
    )
    version = StrictIntegerField(
        min_value=0,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version changed (optimistic locking); 0 or absent for the first.",
    )


class HistoryEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    what = serializers.CharField()
    actor = serializers.CharField(allow_null=True)
    public = serializers.BooleanField()


@extend_schema_field(ParagraphSerializer(many=True))
class ParagraphsField(serializers.Field):
    """A revision's numbered paragraphs in the active language. A published revision's are
    its edition's, stored as the JSON text ParagraphSerializer made when it was published:
    they are sent as that text (PreRenderedJSON, which portal.api.JSONRenderer writes into
    the answer), not parsed and rendered again. A draft's are typeset now."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, revision):
        stored = editions.stored(revision, "paragraphs")
        if stored is not None:
            return PreRenderedJSON(stored)
        return ParagraphSerializer(paragraphs_numbered(revision), many=True).data


class RevisionSerializer(ModelSerializer):
    document = serializers.IntegerField(source="document_id", read_only=True)
    paragraphs = ParagraphsField()

    class Meta:
        model = Revision
        fields = ["id", "document", "number", "state", "published_at", "summary", "paragraphs"]


class CompareQuerySerializer(serializers.Serializer):
    from_ = serializers.IntegerField(min_value=1, max_value=100000)
    to = serializers.IntegerField(min_value=1, max_value=100000)

    def get_fields(self):
        fields = super().get_fields()
        # "from" is a Python keyword: the query parameter is named after the field's label.
        fields["from"] = fields.pop("from_")
        return fields


class ParagraphSideSerializer(serializers.Serializer):
    number = serializers.IntegerField(allow_null=True)
    kind = serializers.ChoiceField(choices=Paragraph.Kind.choices)
    text = serializers.CharField()


class WordOpSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class ParagraphChangeSerializer(serializers.Serializer):
    change = serializers.ChoiceField(choices=["unchanged", "changed", "inserted", "deleted"])
    key = serializers.CharField()
    moved = serializers.BooleanField()
    renumbered = serializers.BooleanField()
    old = ParagraphSideSerializer(allow_null=True)
    new = ParagraphSideSerializer(allow_null=True)
    words = WordOpSerializer(many=True)


class CompareSerializer(serializers.Serializer):
    # Of {"document", "from", "to", "changes"}: the document's id, the revisions' numbers and
    # their drafts.diff.ParagraphChange list.

    document = serializers.IntegerField()
    to = serializers.IntegerField()
    changes = ParagraphChangeSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.IntegerField()  # a Python keyword: added by name
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        # The answer has always named "from" before "to".
        return {key: data[key] for key in ("document", "from", "to", "changes")}


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


class AknQuerySerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=["ru", "en"], help_text="Language edition")


class AknImportSerializer(serializers.Serializer):
    ru = serializers.FileField(required=False, help_text="The Russian edition (AKN XML)")
    en = serializers.FileField(required=False, help_text="The English edition (AKN XML)")
    replace_edits = serializers.BooleanField(
        default=False, help_text="Replace the edits made in the draft since it was started"
    )
