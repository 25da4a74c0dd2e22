from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from delegations.models import Delegation
from initiatives.models import FundingEntry, Indicator, Initiative, Outcome, Output, Section, Tag


class DelegationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Delegation
        fields = ["id", "slug", "kind", "name", "acronym", "iso_code"]


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["slug", "kind", "name"]


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["kind", "position", "body", "version", "updated_at"]


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["position", "title", "unit", "baseline", "target", "means_of_verification"]


class OutputSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Output
        fields = ["position", "title", "indicators"]


class OutcomeSerializer(serializers.ModelSerializer):
    outputs = OutputSerializer(many=True, read_only=True)

    class Meta:
        model = Outcome
        fields = ["position", "title", "outputs"]


class FundingEntrySerializer(serializers.ModelSerializer):
    source = DelegationBriefSerializer(read_only=True)

    class Meta:
        model = FundingEntry
        fields = ["source", "amount", "currency", "status", "note"]


class FundingTotalSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=FundingEntry.Status.choices)
    currency = serializers.CharField()
    total = serializers.DecimalField(max_digits=16, decimal_places=2)


def funding_totals_prefetched(initiative: Initiative) -> list[dict]:
    """Totals by status and currency from the prefetched entries, so a list costs no query
    per initiative (selectors.funding_totals aggregates in SQL, one query per initiative)."""
    totals: dict[tuple[str, str], Decimal] = {}
    for entry in initiative.funding.all():
        key = (entry.status, entry.currency)
        totals[key] = totals.get(key, Decimal(0)) + entry.amount
    return [
        {"status": status, "currency": currency, "total": totals[(status, currency)]}
        for status in FundingEntry.Status.values
        for currency in sorted(c for s, c in totals if s == status)
    ]


class InitiativeListSerializer(serializers.ModelSerializer):
    lead_delegation = DelegationBriefSerializer(read_only=True)
    partners = DelegationBriefSerializer(many=True, read_only=True)
    tags = TagSerializer(many=True, read_only=True)
    funding_totals = serializers.SerializerMethodField()

    class Meta:
        model = Initiative
        fields = [
            "id",
            "slug",
            "title",
            "summary",
            "status",
            "lead_delegation",
            "partners",
            "tags",
            "funding_totals",
            "updated_at",
        ]

    @extend_schema_field(FundingTotalSerializer(many=True))
    def get_funding_totals(self, initiative):
        return [
            {**row, "total": f"{row['total']:.2f}"} for row in funding_totals_prefetched(initiative)
        ]

    def to_representation(self, initiative):
        # The list is the API's busiest read: built by hand, with the same keys and formats as
        # the declared fields (tests compare both), because DRF's per-field machinery for three
        # nested lists per initiative cost more than the database.
        if type(self) is not InitiativeListSerializer:
            return super().to_representation(initiative)
        return {
            "id": initiative.pk,
            "slug": initiative.slug,
            "title": initiative.title,
            "summary": initiative.summary,
            "status": initiative.status,
            "lead_delegation": _delegation(initiative.lead_delegation),
            "partners": [_delegation(d) for d in initiative.partners.all()],
            "tags": [
                {"slug": t.slug, "kind": t.kind, "name": t.name} for t in initiative.tags.all()
            ],
            "funding_totals": self.get_funding_totals(initiative),
            "updated_at": self.fields["updated_at"].to_representation(initiative.updated_at),
        }


def _delegation(delegation) -> dict | None:
    if delegation is None:
        return None
    return {
        "id": delegation.pk,
        "slug": delegation.slug,
        "kind": delegation.kind,
        "name": delegation.name,
        "acronym": delegation.acronym,
        "iso_code": delegation.iso_code,
    }


class InitiativeDetailSerializer(InitiativeListSerializer):
    sections = SectionSerializer(many=True, read_only=True)
    results_framework = OutcomeSerializer(source="outcomes", many=True, read_only=True)
    funding = FundingEntrySerializer(many=True, read_only=True)

    class Meta(InitiativeListSerializer.Meta):
        fields = [*InitiativeListSerializer.Meta.fields, "sections", "results_framework", "funding"]
