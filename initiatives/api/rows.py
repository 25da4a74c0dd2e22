"""The initiatives of the API's list as rows, not model instances: the list is the API's
busiest read, and model instances (with their translation descriptors) cost it several
times the SQL. InitiativeListSerializer reads these rows as it reads an instance: the keys
are its fields' sources, so a field it gains that the rows lack fails loudly.

The initiatives' queryset is built once per language and process (`_initiatives`), and
each request only narrows a copy (the API's filters, ordering and page): building a
queryset's joins and columns cost the list more than running its SQL. A QuerySet is never
changed by narrowing it (each call returns a new one) and this one is never evaluated
itself, so one serves every request and thread. The page's partners, tags and funding are
three plain statements written once per language (`_items_sql`) and run through
`connection.cursor()`, Django's public way to raw SQL: through the ORM, compiling them cost
about five times running them.
"""

from decimal import Decimal
from functools import cache

from django.db import connection
from django.db.models import QuerySet
from django.utils import translation
from modeltranslation.utils import get_language

from delegations.models import Delegation
from initiatives.models import FundingEntry, Initiative, Tag
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


@cache  # one per language
def _initiatives(language: str) -> QuerySet:
    with translation.override(language):
        # modeltranslation's manager, as the API's filters and orderings expect (it orders by
        # the title in the active language, its Meta.ordering).
        return Initiative.objects.values(*INITIATIVE_COLUMNS)


@cache  # one per language
def _items_sql(language: str) -> tuple[str, str, str]:
    """The partners, tags and funding entries of some initiatives, in their models'
    Meta.ordering ("name" in the language), as SQL with the ids' placeholders left as {ids}:
    written here, not built by the ORM on every request, which cost the list four times what
    the database took to run them. Names come from the models' _meta (Django's documented
    Model _meta API); plain integers and text (the amount as text, read as Decimal; it is
    only summed) need no converter on any database."""
    quote = connection.ops.quote_name

    def table(model) -> str:
        return quote(model._meta.db_table)

    def column(model, name: str) -> str:
        return f"{table(model)}.{quote(model._meta.get_field(name).column)}"

    partners, tags = Initiative.partners.through, Initiative.tags.through
    return (
        f"SELECT {column(partners, 'initiative')}, "
        + ", ".join(column(Delegation, c) for c in DELEGATION_COLUMNS)
        + f" FROM {table(partners)} INNER JOIN {table(Delegation)}"
        f" ON {column(partners, 'delegation')} = {column(Delegation, 'id')}"
        f" WHERE {column(partners, 'initiative')} IN ({{ids}})"
        f" ORDER BY {column(Delegation, 'sort_order')}, {column(Delegation, f'name_{language}')}",
        f"SELECT {column(tags, 'initiative')}, "
        + ", ".join(column(Tag, c) for c in TAG_COLUMNS)
        + f" FROM {table(tags)} INNER JOIN {table(Tag)}"
        f" ON {column(tags, 'tag')} = {column(Tag, 'id')}"
        f" WHERE {column(tags, 'initiative')} IN ({{ids}})"
        f" ORDER BY {column(Tag, 'kind')}, {column(Tag, f'name_{language}')}",
        f"SELECT {column(FundingEntry, 'initiative')}, {column(FundingEntry, 'status')},"
        f" {column(FundingEntry, 'currency')}, CAST({column(FundingEntry, 'amount')} AS TEXT)"
        f" FROM {table(FundingEntry)}"
        f" WHERE {column(FundingEntry, 'initiative')} IN ({{ids}})"
        f" ORDER BY {column(FundingEntry, 'id')}",
    )


def initiatives_listed() -> QuerySet:
    """The initiatives as values() rows of `INITIATIVE_COLUMNS`, in their own order, for the
    API's filters and the paginator to narrow; `initiative_list_rows` reads a page of them."""
    # A copy, which the view may evaluate: the shared one never is.
    return _initiatives(get_language()).all()


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
        partners_sql, tags_sql, funding_sql = _items_sql(get_language())
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(partners_sql.format(ids=placeholders), ids)
            for initiative, *values in cursor.fetchall():
                delegation = dict(zip(DELEGATION_COLUMNS, values, strict=True))
                partners[initiative].append(_delegation(delegation, localized))
            cursor.execute(tags_sql.format(ids=placeholders), ids)
            for initiative, *values in cursor.fetchall():
                tag = dict(zip(TAG_COLUMNS, values, strict=True))
                tags[initiative].append(
                    {"slug": tag["slug"], "kind": tag["kind"], "name": localized(tag, "name")}
                )
            cursor.execute(funding_sql.format(ids=placeholders), ids)
            for initiative, status, currency, amount in cursor.fetchall():
                funding[initiative].append(
                    {"status": status, "currency": currency, "amount": Decimal(amount)}
                )
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
