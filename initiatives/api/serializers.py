from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from delegations.models import Delegation
from initiatives.models import FundingEntry, Indicator, Initiative, Outcome, Output, Section, Tag
from portal.representation import ModelSerializer


class DelegationBriefSerializer(ModelSerializer):
    class Meta:
        model = Delegation
        fields = ["id", "slug", "kind", "name", "acronym", "iso_code"]


class TagSerializer(ModelSerializer):
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
    return funding_totals_of(
        {"status": e.status, "currency": e.currency, "amount": e.amount}
        for e in initiative.funding.all()
    )


_STATUSES = tuple(FundingEntry.Status.values)  # the enum builds this list on every read


def funding_totals_of(entries) -> list[dict]:
    """Totals by status (in their order) and currency of entries given as dicts."""
    totals: dict[tuple[str, str], Decimal] = {}
    for entry in entries:
        key = (entry["status"], entry["currency"])
        totals[key] = totals.get(key, Decimal(0)) + entry["amount"]
    return [
        {"status": status, "currency": currency, "total": totals[(status, currency)]}
        for status in _STATUSES
        for currency in sorted(c for s, c in totals if s == status)
    ]


class InitiativeListSerializer(ModelSerializer):
    """An initiative as the list gives it, without its sections, results framework and
    funding entries."""

    # It reads a model instance (the detail), or a row of initiatives.api.rows (the list).

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
        totals = (
            funding_totals_of(initiative["funding"])
            if isinstance(initiative, dict)
            else funding_totals_prefetched(initiative)
        )
        return [{**row, "total": f"{row['total']:.2f}"} for row in totals]


class InitiativeDetailSerializer(InitiativeListSerializer):
    """An initiative in full."""

    sections = SectionSerializer(many=True, read_only=True)
    results_framework = OutcomeSerializer(source="outcomes", many=True, read_only=True)
    funding = FundingEntrySerializer(many=True, read_only=True)

    class Meta(InitiativeListSerializer.Meta):
        fields = [*InitiativeListSerializer.Meta.fields, "sections", "results_framework", "funding"]
