"""The initiatives of the API's list as rows, not model instances: the list is the API's
busiest read, and model instances (with their translation descriptors) cost it several
times the SQL. InitiativeListSerializer reads these rows as it reads an instance: the keys
are its fields' sources, so a field it gains that the rows lack fails loudly.

The querysets behind them are built once per language and process (`_bases`), and each
request only narrows a copy to its page or its ids: building a queryset's joins and columns
cost the list more than running its SQL. A QuerySet is never changed by narrowing it (each
call returns a new one) and these are never evaluated themselves, so one serves every
request and thread.
"""

from functools import cache
from typing import NamedTuple

from django.db.models import QuerySet
from django.utils import translation
from modeltranslation.utils import get_language

from initiatives.models import FundingEntry, Initiative
from portal.localized import localized_fields, localizer

DELEGATION_COLUMNS = ["id", "slug", "kind", "iso_code", *localized_fields("name", "acronym")]
TAG_COLUMNS = ["slug", "kind", *localized_fields("name")]
INITIATIVE_COLUMNS = [
    "id",
    "slug",
    "status",
    "updated_at",
    *localized_fields("title", "summary"),
    *[f"lead_delegation__{column}" for column in DELEGATION_COLUMNS],
]


class _Bases(NamedTuple):
    initiatives: QuerySet
    partners: QuerySet
    tags: QuerySet
    funding: QuerySet


@cache  # one per language
def _bases(language: str) -> _Bases:
    with translation.override(language):
        return _Bases(
            # modeltranslation's manager, as the API's filters and orderings expect (it
            # orders by the title in the active language, its Meta.ordering).
            Initiative.objects.values(*INITIATIVE_COLUMNS),
            # The items in their own models' Meta.ordering, "name" in the language.
            QuerySet(Initiative.partners.through)
            .order_by("delegation__sort_order", f"delegation__name_{language}")
            .values_list("initiative_id", *[f"delegation__{c}" for c in DELEGATION_COLUMNS]),
            QuerySet(Initiative.tags.through)
            .order_by("tag__kind", f"tag__name_{language}")
            .values_list("initiative_id", *[f"tag__{c}" for c in TAG_COLUMNS]),
            QuerySet(FundingEntry)
            .order_by("id")
            .values_list("initiative_id", "status", "currency", "amount"),
        )


def initiatives_listed() -> QuerySet:
    """The initiatives as values() rows of `INITIATIVE_COLUMNS`, in their own order, for the
    API's filters and the paginator to narrow; `initiative_list_rows` reads a page of them."""
    # A copy, which the view may evaluate: the shared one never is.
    return _bases(get_language()).initiatives.all()


def initiative_list_rows(rows) -> list[dict]:
    """The initiatives of `initiatives_listed` rows as InitiativeListSerializer reads them:
    translated fields in the active language, the lead delegation, the partners, the tags
    and the funding entries (three more queries, whatever the number of initiatives)."""
    rows = list(rows)
    localized = localizer()
    ids = [row["id"] for row in rows]
    partners: dict[int, list] = {pk: [] for pk in ids}
    tags: dict[int, list] = {pk: [] for pk in ids}
    funding: dict[int, list] = {pk: [] for pk in ids}
    if ids:
        bases = _bases(get_language())
        for initiative, *values in bases.partners.filter(initiative__in=ids):
            delegation = dict(zip(DELEGATION_COLUMNS, values, strict=True))
            partners[initiative].append(_delegation(delegation, localized))
        for initiative, *values in bases.tags.filter(initiative__in=ids):
            tag = dict(zip(TAG_COLUMNS, values, strict=True))
            tags[initiative].append(
                {"slug": tag["slug"], "kind": tag["kind"], "name": localized(tag, "name")}
            )
        for initiative, status, currency, amount in bases.funding.filter(initiative__in=ids):
            funding[initiative].append({"status": status, "currency": currency, "amount": amount})
    lead = "lead_delegation__"
    return [
        {
            "id": row["id"],
            "slug": row["slug"],
            "title": localized(row, "title"),
            "summary": localized(row, "summary"),
            "status": row["status"],
            "lead_delegation": _delegation(
                {column: row[lead + column] for column in DELEGATION_COLUMNS}, localized
            )
            if row[lead + "id"]
            else None,
            "partners": partners[row["id"]],
            "tags": tags[row["id"]],
            "funding": funding[row["id"]],
            "updated_at": row["updated_at"],
        }
        for row in rows
    ]


def _delegation(row: dict, localized) -> dict:
    """A delegation as DelegationBriefSerializer reads it, from a row of DELEGATION_COLUMNS."""
    return {
        "id": row["id"],
        "slug": row["slug"],
        "kind": row["kind"],
        "name": localized(row, "name"),
        "acronym": localized(row, "acronym"),
        "iso_code": row["iso_code"],
    }
