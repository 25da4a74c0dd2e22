from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from drafts import editions
from drafts.models import (
    OutcomeDocument,
    Paragraph,
    Revision,
)
from drafts.selectors import paragraphs_numbered
from portal.representation import ModelSerializer, PreRenderedJSON

from .paragraphs import ParagraphSerializer


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


@extend_schema_field(ParagraphSerializer(many=True))
class ParagraphsField(serializers.Field):
    """A revision's numbered paragraphs in the active language. A published revision's are
    its edition's, stored as the JSON text ParagraphSerializer made when it was published:
    they are sent as that text (PreRenderedJSON, which portal.representation.JSONRenderer writes into
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
