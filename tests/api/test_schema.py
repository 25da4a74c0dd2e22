"""The OpenAPI schema is complete and true: it generates without warnings, and a bounded
schemathesis run against the app (in-process) finds no 5xx and no answer that breaks it."""

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from drafts.services import comment_create
from initiatives.models import FundingEntry, Tag
from summit.models import AgendaItem, Meeting
from tests.factories import InitiativeFactory, SummitFactory


def test_the_schema_generates_without_warnings_and_validates(tmp_path):
    # --fail-on-warn turns any missing description or ambiguous type into a failure.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    text = (tmp_path / "s.yml").read_text()
    for path in [
        "/api/v1/summits/",
        "/api/v1/meetings/",
        "/api/v1/initiatives/{slug}/",
        "/api/v1/delegations/",
        "/api/v1/documents/{id}/revisions/{number}/",
        "/api/v1/documents/{id}/compare/",
        "/api/v1/documents/{id}/revisions/{number}/compilation/",
        "/api/v1/comments/{id}/response/",
        "/api/v1/documents/{id}/revisions/{number}/pdf/",
        "/api/v1/pdf-jobs/{id}/",
    ]:
        assert f"{path}:" in text
    assert "examples:" in text


def test_the_docs_are_served_from_our_own_static_files(client):
    page = client.get("/api/docs/").content.decode()

    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()
    assert client.get("/api/schema/").status_code == 200


@pytest.fixture
def api_schema(db, published_revision, alice, secretariat, delegation_b):
    """Some of everything, so generated requests reach real objects, not only 404s."""
    summit = SummitFactory()
    meeting = Meeting.objects.create(
        summit=summit, kind="summit", title_en="Summit", place_en="Astana", slug="summit"
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title_en="Opening")
    initiative = InitiativeFactory(slug="green-shield", lead_delegation=delegation_b)
    initiative.tags.add(Tag.objects.create(kind="theme", name_en="Water", slug="water"))
    FundingEntry.objects.create(
        initiative=initiative, source=delegation_b, amount=10, status="pledged"
    )
    comment_create(
        author=alice,
        revision=published_revision,
        paragraph=published_revision.paragraphs.first(),
        body="Support.",
    )
    from django.core import signals
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    # The real WSGI handler closes the connection after each request, which would end the
    # test's transaction on PostgreSQL; Django's own test client unhooks it the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    schema.token = Token.objects.create(user=secretariat).key
    yield schema
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_generated_requests_find_no_server_error_and_no_schema_breach(api_schema):
    # Driven by hand rather than by schemathesis' pytest plugin, which needs the database
    # fixture at collection time. Bounded: a few examples per operation, no shrinking budget.
    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def call(case):
            for headers in ({}, {"Authorization": f"Token {api_schema.token}"}):
                response = case.call(headers=headers)
                case.validate_response(response, checks=checks)

        call()
