"""What adoption adds to drafts' answers about a document, and its own requests.

The document's serializers here extend drafts' (the same names, so the same components in the
OpenAPI schema): the API's documents are served by adoption.api.views.DocumentViewSet, which
the one router mounts in place of drafts' own.
"""

from drf_spectacular.utils import extend_schema_field
from modeltranslation.utils import build_localized_fieldname
from rest_framework import serializers

from drafts.api.serializers import DocumentSerializer as DraftsDocumentSerializer
from initiatives.api.serializers import DelegationBriefSerializer
from portal.api import MAX_ID, StrictCharField, StrictIntegerField
from portal.languages import language_codes

from ..models import STATEMENT_MAX_LENGTH, Adoption, Statement


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


class DocumentSerializer(DraftsDocumentSerializer):
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

    class Meta(DraftsDocumentSerializer.Meta):
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
        # adoption.selectors.documents_with_adoption prefetches them for a list.
        return DelegationBriefSerializer(
            [row.delegation for row in document.sponsorship_rows], many=True
        ).data


class DocumentDetailSerializer(DocumentSerializer):
    # The document with its statements (no docstring: the schema would print it).

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
    statement_deadline = serializers.DateTimeField(required=False, allow_null=True, default=None)

    def get_fields(self):
        # `title_<language>` for every language of the settings: the adopted text's title,
        # the draft's without "Draft" when left out.
        titles = {
            build_localized_fieldname("title", code): StrictCharField(
                max_length=400, required=False, default="", allow_blank=True
            )
            for code in language_codes()
        }
        fields = super().get_fields()
        deadline = fields.pop("statement_deadline")
        return {**fields, **titles, "statement_deadline": deadline}


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
