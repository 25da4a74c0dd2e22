"""The OpenAPI schema is complete and true: it generates without warnings, and a bounded
schemathesis run against the app (in-process) finds no 5xx and no answer that breaks it."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
import schemathesis
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS

from consultation.services import comment_create
from initiatives.models import FundingEntry, Tag
from programme.models import AgendaItem, Meeting
from submissions.models import Call
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
        "/api/v1/meetings/{id}/calls/",
        "/api/v1/calls/{id}/submissions/",
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
    Call.objects.create(
        meeting=meeting,
        subject_en="Views on water",
        deadline=timezone.now() + timedelta(days=5),
        who="all",
    )
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
    schema.tokens = {
        "delegate": Token.objects.create(user=alice).key,
        "secretariat": Token.objects.create(user=secretariat).key,
    }
    yield schema
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# How many generated requests per operation, mode and role. `make fuzz` runs it long
# (SCHEMA_FUZZ_EXAMPLES=200); CI keeps the default, so the suite stays short.
EXAMPLES = int(os.environ.get("SCHEMA_FUZZ_EXAMPLES", "6"))
# A file to write the kinds of violation found per role to (each once, whatever the number of
# cases showing it), for `make fuzz` and reports.
REPORT = os.environ.get("SCHEMA_FUZZ_REPORT", "")


def test_generated_requests_conform_to_the_schema_for_every_role(api_schema):
    """Every check schemathesis has (`--checks all`): no 5xx, every status code, header,
    content type and body documented, valid input accepted and invalid input refused;
    anonymous, as a delegate and as the secretariat (with TOTP), in positive and negative
    generation. Driven by hand rather than by schemathesis' pytest plugin, which needs the
    database fixture at collection time."""
    checks = CHECKS.get_all()
    # Except one, for writes: "valid data must be accepted" cannot hold for a body whose
    # rules go beyond a schema (a comment needs a paragraph, a document or a parent; the id
    # must name a paragraph that exists and may be read; the consultation must be open).
    # Those refusals are 400s with the field named, which the other checks still verify.
    write_checks = [check for check in checks if check.__name__ != "positive_data_acceptance"]
    if os.environ.get("SCHEMA_FUZZ_ALL_CHECKS"):  # to see what that exception leaves out
        write_checks = checks
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    roles = {
        "anonymous": {},
        "delegate": {"Authorization": f"Token {api_schema.tokens['delegate']}"},
        "secretariat": {"Authorization": f"Token {api_schema.tokens['secretariat']}"},
    }
    failures = []
    kinds: set[tuple[str, str, str, str]] = set()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.generate],
            )
            def call(case):
                for role, headers in roles.items():
                    response = case.call(headers=headers)
                    try:
                        # With the headers sent, so that the checks that send the request
                        # again without the credentials, or with spoiled ones, know them.
                        case.validate_response(
                            response,
                            checks=checks if case.method == "GET" else write_checks,
                            headers=headers,
                        )
                    # schemathesis' FailureGroup is a BaseExceptionGroup, not an Exception.
                    except (Exception, BaseExceptionGroup) as error:  # collect, fail once
                        failures.append(f"{role} {case.method} {case.formatted_path}: {error}")
                        kinds.add((role, case.method, case.operation.path, _first_line(error)))

            call()
    if REPORT:
        report = [f"{role} {method} {path}: {kind}" for role, method, path, kind in sorted(kinds)]
        counts = {role: sum(1 for kind in kinds if kind[0] == role) for role in roles}
        Path(REPORT).write_text(f"{counts}\n" + "\n".join(report) + "\n")
    assert not failures, "\n\n".join(failures[:10])


def _first_line(error: Exception) -> str:
    """The failed check's title, the same for every case of one kind of violation."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    titles = [line for line in lines if line.startswith(("-", "+")) or "violation" in line.lower()]
    return (titles or lines or [type(error).__name__])[0][:160]
