from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from drafts.editions import paragraph_data
from drafts.models import (
    STATEMENT_MAX_LENGTH,
    Adoption,
    OutcomeDocument,
    Paragraph,
    Revision,
    Statement,
)
from initiatives.api.serializers import DelegationBriefSerializer
from portal.api import MAX_ID, StrictCharField, StrictIntegerField


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


class ParagraphSerializer(serializers.Serializer):
    """Declared for the schema; built by hand because a revision has hundreds of them."""

    id = serializers.IntegerField()
    key = serializers.CharField(help_text="Stable across revisions: the same paragraph.")
    label = serializers.CharField(
        help_text="The citable label: PP1…, OP1…, H1… (in Russian ПП1…, ОП1…, З1…)."
    )
    number = serializers.IntegerField(allow_null=True, help_text="Operative paragraphs: 1, 2, …")
    position = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Paragraph.Kind.choices)
    text = serializers.CharField()
    negotiation = serializers.ChoiceField(choices=Paragraph.Negotiation.choices)
    lines = serializers.ListField(
        child=serializers.IntegerField(),
        allow_null=True,
        help_text="Line numbers of the paragraph in the line-numbered text, when known.",
    )

    def to_representation(self, paragraph):
        return paragraph_data(paragraph)


class RevisionSerializer(serializers.ModelSerializer):
    document = serializers.IntegerField(source="document_id", read_only=True)
    paragraphs = serializers.SerializerMethodField()

    class Meta:
        model = Revision
        fields = ["id", "document", "number", "state", "published_at", "summary", "paragraphs"]

    @extend_schema_field(ParagraphSerializer(many=True))
    def get_paragraphs(self, revision):
        # Already in the API's representation: stored with a published revision's edition,
        # or made by drafts.editions.paragraph_data for a draft.
        return self.context["paragraphs"]


_datetime = serializers.DateTimeField()


def revision_data(revision: Revision, paragraphs: list[dict]) -> dict:
    """RevisionSerializer's data, built by hand for the API's hot read (the serializer builds
    its fields from the model on every use, which cost more than the rest of the request;
    tests compare both)."""
    return {
        "id": revision.pk,
        "document": revision.document_id,
        "number": revision.number,
        "state": revision.state,
        "published_at": _datetime.to_representation(revision.published_at)
        if revision.published_at
        else None,
        "summary": revision.summary,
        "paragraphs": paragraphs,
    }


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
    document = serializers.IntegerField()
    to = serializers.IntegerField()
    changes = ParagraphChangeSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.IntegerField()
        return fields


def change_as_dict(change) -> dict:
    def side(paragraph):
        if paragraph is None:
            return None
        return {"number": paragraph.number, "kind": paragraph.kind, "text": paragraph.text}

    return {
        "change": change.change,
        "key": change.key,
        "moved": change.moved,
        "renumbered": change.renumbered,
        "old": side(change.old),
        "new": side(change.new),
        "words": [{"op": w.op, "text": w.text} for w in change.words],
    }


class AknQuerySerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=["ru", "en"], help_text="Language edition")


class AknImportSerializer(serializers.Serializer):
    ru = serializers.FileField(required=False, help_text="The Russian edition (AKN XML)")
    en = serializers.FileField(required=False, help_text="The English edition (AKN XML)")
    replace_edits = serializers.BooleanField(
        default=False, help_text="Replace the edits made in the draft since it was started"
    )
