"""Lists come in pages with their total; a page shorter than its size is the last one, so
its total is known without counting the rows again (portal.api.Paginator)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import InitiativeFactory


def page(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/initiatives/", params)
    counted = any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    return response, counted


@pytest.fixture
def five(db):
    return [InitiativeFactory(position=position) for position in range(1, 6)]


def test_a_short_last_page_gives_the_total_without_counting(anonymous, five):
    response, counted = page(anonymous, page=3, page_size=2)

    body = response.json()
    assert body["count"] == 5
    assert [i["slug"] for i in body["results"]] == [five[4].slug]
    assert body["next"] is None and "page=2" in body["previous"]
    assert not counted


def test_a_full_page_counts_the_rest(anonymous, five):
    response, counted = page(anonymous, page=1, page_size=2)

    body = response.json()
    assert body["count"] == 5
    assert [i["slug"] for i in body["results"]] == [five[0].slug, five[1].slug]
    assert "page=2" in body["next"] and body["previous"] is None
    assert counted


def test_a_full_page_that_is_the_last_has_no_next(anonymous, five):
    body = anonymous.get("/api/v1/initiatives/", {"page": 1, "page_size": 5}).json()

    assert body["count"] == 5 and body["next"] is None
    assert anonymous.get("/api/v1/initiatives/", {"page": 2, "page_size": 5}).status_code == 404


def test_filtered_and_whole_lists_page_alike(anonymous, five):
    whole = anonymous.get("/api/v1/initiatives/", {"page": 2, "page_size": 2}).json()
    ordered = anonymous.get(
        "/api/v1/initiatives/", {"page": 2, "page_size": 2, "ordering": "position"}
    ).json()

    assert whole["count"] == ordered["count"] == 5
    assert whole["results"] == ordered["results"]


def test_an_empty_list_is_one_empty_page(anonymous, db):
    response, counted = page(anonymous)

    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert not counted
    assert anonymous.get("/api/v1/initiatives/", {"page": 2}).status_code == 404
