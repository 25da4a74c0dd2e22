from decimal import Decimal

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from modeltranslation.utils import get_language
from rest_framework import serializers

from delegations.models import Delegation
from initiatives.models import FundingEntry, Indicator, Initiative, Outcome, Output, Section, Tag
from portal.localized import localized_fields, localizer
from portal.prepared import prepared_rows


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
    return funding_totals_of(
        {"status": e.status, "currency": e.currency, "amount": e.amount}
        for e in initiative.funding.all()
    )


def funding_totals_of(entries) -> list[dict]:
    """Totals by status (in their order) and currency of entries given as dicts."""
    totals: dict[tuple[str, str], Decimal] = {}
    for entry in entries:
        key = (entry["status"], entry["currency"])
        totals[key] = totals.get(key, Decimal(0)) + entry["amount"]
    return [
        {"status": status, "currency": currency, "total": totals[(status, currency)]}
        for status in FundingEntry.Status.values
        for currency in sorted(c for s, c in totals if s == status)
    ]


class InitiativeListSerializer(serializers.ModelSerializer):
    """Declares the list for the schema; the list itself is built by initiative_list_data."""

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


DELEGATION_COLUMNS = ["id", "slug", "kind", "iso_code", *localized_fields("name", "acronym")]
_datetime = serializers.DateTimeField()


def initiative_list_data(rows: list[dict]) -> list[dict]:
    """The list's initiatives, from values() rows of `INITIATIVE_LIST_COLUMNS`, in the same
    keys and formats as InitiativeListSerializer (tests compare both): an uncached list is the
    API's busiest read, and building model instances (with their translation descriptors) for
    it cost several times the SQL. Three queries for any number of initiatives."""
    ids = [row["id"] for row in rows]
    localized = localizer()
    language = get_language()
    partners: dict[int, list] = {pk: [] for pk in ids}
    for initiative, *values in prepared_rows(_partner_rows, ids, language):
        delegation = dict(zip(DELEGATION_COLUMNS, values, strict=True))
        partners[initiative].append(_delegation_data(delegation, localized))
    tags: dict[int, list] = {pk: [] for pk in ids}
    for initiative, *values in prepared_rows(_tag_rows, ids, language):
        tag = dict(zip(TAG_COLUMNS, values, strict=True))
        tags[initiative].append(
            {"slug": tag["slug"], "kind": tag["kind"], "name": localized(tag, "name")}
        )
    funding: dict[int, list] = {pk: [] for pk in ids}
    for initiative, status, currency, amount in prepared_rows(_funding_rows, ids):
        # SQLite gives a number, PostgreSQL a Decimal: both as the Decimal the ORM would give.
        amount = amount if isinstance(amount, Decimal) else Decimal(str(amount))
        funding[initiative].append({"status": status, "currency": currency, "amount": amount})
    return [
        {
            "id": row["id"],
            "slug": row["slug"],
            "title": localized(row, "title"),
            "summary": localized(row, "summary"),
            "status": row["status"],
            "lead_delegation": _delegation_data(
                {column: row[f"lead_delegation__{column}"] for column in DELEGATION_COLUMNS},
                localized,
            )
            if row["lead_delegation__id"]
            else None,
            "partners": partners[row["id"]],
            "tags": tags[row["id"]],
            "funding_totals": [
                {**total, "total": f"{total['total']:.2f}"}
                for total in funding_totals_of(funding[row["id"]])
            ],
            "updated_at": _datetime.to_representation(row["updated_at"]),
        }
        for row in rows
    ]


TAG_COLUMNS = ["slug", "kind", *localized_fields("name")]


# The partners, the tags and the funding of initiatives, through the link tables with plain querysets
# (nothing to translate in the query), in the order of the delegations' and the tags' own
# Meta.ordering (modeltranslation reads its name in the active language). Their SQL is
# built once (portal.prepared): building it cost more than running it.
def _partner_rows(ids: list[int], language: str):
    return (
        QuerySet(Initiative.partners.through)
        .filter(initiative__in=ids)
        .order_by("delegation__sort_order", f"delegation__name_{language}")
        .values_list("initiative", *[f"delegation__{column}" for column in DELEGATION_COLUMNS])
    )


def _tag_rows(ids: list[int], language: str):
    return (
        QuerySet(Initiative.tags.through)
        .filter(initiative__in=ids)
        .order_by("tag__kind", f"tag__name_{language}")
        .values_list("initiative", *[f"tag__{column}" for column in TAG_COLUMNS])
    )


def _funding_rows(ids: list[int]):
    return (
        QuerySet(FundingEntry)
        .filter(initiative__in=ids)
        .order_by()
        .values_list("initiative", "status", "currency", "amount")
    )


INITIATIVE_LIST_COLUMNS = [
    "id",
    "slug",
    "status",
    "updated_at",
    *localized_fields("title", "summary"),
    *[f"lead_delegation__{column}" for column in DELEGATION_COLUMNS],
]


def _delegation_data(row: dict, localized) -> dict:
    return {
        "id": row["id"],
        "slug": row["slug"],
        "kind": row["kind"],
        "name": localized(row, "name"),
        "acronym": localized(row, "acronym"),
        "iso_code": row["iso_code"],
    }


class InitiativeDetailSerializer(InitiativeListSerializer):
    sections = SectionSerializer(many=True, read_only=True)
    results_framework = OutcomeSerializer(source="outcomes", many=True, read_only=True)
    funding = FundingEntrySerializer(many=True, read_only=True)

    class Meta(InitiativeListSerializer.Meta):
        fields = [*InitiativeListSerializer.Meta.fields, "sections", "results_framework", "funding"]
