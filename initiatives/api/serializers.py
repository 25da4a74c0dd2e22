from decimal import Decimal

from django.db import models
from django.db.models import F, QuerySet, Value, Window
from django.db.models.functions import Cast, RowNumber
from drf_spectacular.utils import extend_schema_field
from modeltranslation.utils import get_language
from rest_framework import serializers

from delegations.models import Delegation
from initiatives.models import FundingEntry, Indicator, Initiative, Outcome, Output, Section, Tag
from portal.api import ModelSerializer
from portal.localized import localized_fields, localizer


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

    # It reads a model instance, or a row of `initiative_list_rows`: the list, the busiest
    # read, skips model instances, whose translation descriptors cost several times the SQL.

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


DELEGATION_COLUMNS = ["id", "slug", "kind", "iso_code", *localized_fields("name", "acronym")]


def initiative_list_rows(rows) -> list[dict]:
    """The initiatives of values() rows of `INITIATIVE_LIST_COLUMNS` as InitiativeListSerializer
    reads them: translated fields in the active language, and their lead delegation,
    partners, tags and funding entries (read in one more query, whatever their number)."""
    rows = list(rows)
    localized = localizer()
    partners: dict[int, list] = {row["id"]: [] for row in rows}
    tags: dict[int, list] = {row["id"]: [] for row in rows}
    funding: dict[int, list] = {row["id"]: [] for row in rows}
    items = _item_rows(list(partners), get_language()) if rows else []
    for part, _rank, initiative, *values in items:
        item = dict(zip(ITEM_COLUMNS, values, strict=True))
        if part == PARTNER:
            partners[initiative].append(_delegation(item, localized, "item_"))
        elif part == TAG:
            tags[initiative].append(
                {
                    "slug": item["item_slug"],
                    "kind": item["item_kind"],
                    "name": localized(item, "item_name"),
                }
            )
        else:
            # SQLite gives a number, PostgreSQL a Decimal: both as the Decimal the ORM gives.
            amount = item["item_amount"]
            amount = amount if isinstance(amount, Decimal) else Decimal(str(amount))
            funding[initiative].append(
                {"status": item["item_status"], "currency": item["item_currency"], "amount": amount}
            )
    return [
        {
            "id": row["id"],
            "slug": row["slug"],
            "title": localized(row, "title"),
            "summary": localized(row, "summary"),
            "status": row["status"],
            "lead_delegation": _delegation(row, localized, "lead_delegation__")
            if row["lead_delegation__id"]
            else None,
            "partners": partners[row["id"]],
            "tags": tags[row["id"]],
            "funding": funding[row["id"]],
            "updated_at": row["updated_at"],
        }
        for row in rows
    ]


TAG_COLUMNS = ["slug", "kind", *localized_fields("name")]


# The partners, the tags and the funding of the listed initiatives come in one statement (a
# statement cost the list more than its rows): a row per item, in the columns below, with
# NULL where an item has none. Each part keeps the order of its own Meta.ordering
# (modeltranslation reads "name" in the active language) as its rank.
PARTNER, TAG, FUNDING = 1, 2, 3
ITEM_COLUMNS = [
    *[f"item_{column}" for column in DELEGATION_COLUMNS],
    "item_status",
    "item_currency",
    "item_amount",
]
_ITEM_FIELDS = {
    "item_id": models.BigIntegerField(),
    "item_amount": models.DecimalField(max_digits=16, decimal_places=2),
}


def _items(queryset, part: int, order: list[str], **fields):
    """`queryset`'s rows as (part, rank, initiative, *ITEM_COLUMNS): `fields` names the
    model field of each item column it has."""
    columns = {
        # A typed NULL: PostgreSQL matches the parts' columns by type from the left.
        column: F(fields[column])
        if column in fields
        else Cast(Value(None), _ITEM_FIELDS.get(column, models.CharField()))
        for column in ITEM_COLUMNS
    }
    return (
        queryset.order_by()
        .annotate(
            part=Cast(Value(part), models.IntegerField()),  # typed, as in every part
            rank=Window(RowNumber(), order_by=[F(name) for name in order]),
            owner=F("initiative_id"),
            **columns,
        )
        .values_list("part", "rank", "owner", *ITEM_COLUMNS)
    )


def _item_rows(ids: list[int], language: str):
    partners = _items(
        QuerySet(Initiative.partners.through).filter(initiative__in=ids),
        PARTNER,
        ["delegation__sort_order", f"delegation__name_{language}"],
        **{f"item_{column}": f"delegation__{column}" for column in DELEGATION_COLUMNS},
    )
    tags = _items(
        QuerySet(Initiative.tags.through).filter(initiative__in=ids),
        TAG,
        ["tag__kind", f"tag__name_{language}"],
        **{f"item_{column}": f"tag__{column}" for column in TAG_COLUMNS},
    )
    funding = _items(
        QuerySet(FundingEntry).filter(initiative__in=ids),
        FUNDING,
        ["id"],
        item_status="status",
        item_currency="currency",
        item_amount="amount",
    )
    return partners.union(tags, funding, all=True).order_by("part", "rank")


INITIATIVE_LIST_COLUMNS = [
    "id",
    "slug",
    "status",
    "updated_at",
    *localized_fields("title", "summary"),
    *[f"lead_delegation__{column}" for column in DELEGATION_COLUMNS],
]


def _delegation(row: dict, localized, prefix: str) -> dict:
    """A delegation as DelegationBriefSerializer reads it, from the columns of `row` named
    `prefix` + DELEGATION_COLUMNS."""
    return {
        "id": row[f"{prefix}id"],
        "slug": row[f"{prefix}slug"],
        "kind": row[f"{prefix}kind"],
        "name": localized(row, f"{prefix}name"),
        "acronym": localized(row, f"{prefix}acronym"),
        "iso_code": row[f"{prefix}iso_code"],
    }


class InitiativeDetailSerializer(InitiativeListSerializer):
    """An initiative in full."""

    sections = SectionSerializer(many=True, read_only=True)
    results_framework = OutcomeSerializer(source="outcomes", many=True, read_only=True)
    funding = FundingEntrySerializer(many=True, read_only=True)

    class Meta(InitiativeListSerializer.Meta):
        fields = [*InitiativeListSerializer.Meta.fields, "sections", "results_framework", "funding"]
