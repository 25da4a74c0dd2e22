from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from drafts.editions import paragraph_data
from drafts.models import (
    OutcomeDocument,
    Paragraph,
    Revision,
)


class RevisionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Revision
        fields = ["number", "state", "published_at", "summary"]


class DocumentSerializer(serializers.ModelSerializer):
    initiatives = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    revisions = RevisionBriefSerializer(
        source="readable_revisions",
        many=True,
        read_only=True,
        help_text="The revisions this client may read: the published ones for the public.",
    )
    consultation_open = serializers.BooleanField(read_only=True)

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
            "updated_at",
        ]


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
