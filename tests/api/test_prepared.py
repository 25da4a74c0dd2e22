"""The API's hot reads run SQL built once and (on PostgreSQL) prepared on the server
(portal.prepared): they give exactly what the ORM gives, for any request's values, on a
new connection as on an old one, and with preparing turned off."""

import pytest
from django.db import connection
from django.db.models import QuerySet

from drafts import editions
from initiatives.api.serializers import INITIATIVE_LIST_COLUMNS, initiative_list_rows
from initiatives.models import Initiative
from portal.prepared import PreparedValues, prepared_instance, prepared_rows
from tests.factories import InitiativeFactory


def _titles(ids: list[int], language: str):
    return (
        QuerySet(Initiative)
        .filter(pk__in=ids)
        .order_by(f"title_{language}")
        .values_list("pk", f"title_{language}")
    )


def _by_slug_and_position(position: int, slug: str):
    return QuerySet(Initiative).filter(position=position, slug=slug)


@pytest.fixture
def initiatives(db):
    return [InitiativeFactory(position=n, title_en=f"T{n}") for n in (3, 1, 2, 5, 4)]


def test_rows_for_any_ids_are_the_orms(initiatives):
    for ids in ([initiatives[0].pk], [i.pk for i in initiatives[1:4]], [10**12]):
        assert prepared_rows(_titles, ids, "en") == list(_titles(ids, "en"))


def test_pages_of_values_are_the_orms(initiatives):
    prepared = PreparedValues(initiative_list_rows, "en")
    orm = Initiative.objects.order_by("position", "title_en").values(*INITIATIVE_LIST_COLUMNS)

    for window in (slice(0, 2), slice(2, 4), slice(4, 6), slice(9, 11)):
        assert prepared[window] == list(orm[window])
    assert prepared.count() == 5


def test_an_instance_is_found_by_the_requests_values_or_not_at_all(initiatives):
    first = initiatives[1]

    found = prepared_instance(_by_slug_and_position, (first.position,), first.slug)

    assert found == first and found.title_en == first.title_en
    assert prepared_instance(_by_slug_and_position, (first.position,), "nothing") is None


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_its_statements_again(initiatives):
    ids = [initiatives[0].pk]
    before = prepared_rows(_titles, ids, "en")
    connection.close()

    assert prepared_rows(_titles, ids, "en") == before


def test_without_preparing_the_answers_are_the_same(settings, anonymous, published_revision):
    settings.API_CACHE_SECONDS = 0
    document = published_revision.document_id
    paths = ["/api/v1/initiatives/", f"/api/v1/documents/{document}/revisions/1/"]
    prepared = [anonymous.get(path).json() for path in paths]
    settings.PREPARED_STATEMENTS = False

    assert [anonymous.get(path).json() for path in paths] == prepared


def test_a_published_revision_is_read_with_its_stored_paragraphs(published_revision):
    revision = editions.revision_with_stored(
        published_revision.document_id, published_revision.number, "paragraphs"
    )

    assert revision == published_revision
    assert editions.stored(revision, "paragraphs") == editions.stored(
        published_revision, "paragraphs"
    )
    assert editions.revision_with_stored(published_revision.document_id, 99, "paragraphs") is None
