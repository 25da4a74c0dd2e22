"""Every answer comes in a format the request accepts, or is a 406 in JSON that lists the
formats on offer: never a 500 because a view was handed a format it does not make."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token

from consultation.services import comment_create
from initiatives.models import Tag
from pdfs.models import PdfJob
from programme.models import Meeting
from registration.models import Registration
from submissions.models import Call
from subscriptions.models import Subscription
from tests.factories import InitiativeFactory, SummitFactory

from .conftest import client_for, english_client


@pytest.fixture
def commented(published_revision, alice):
    comment_create(author=alice, revision=published_revision, body="General support.")
    return published_revision


def compilation_url(revision) -> str:
    return f"/api/v1/documents/{revision.document_id}/revisions/1/compilation/"


def test_the_secretariat_asking_the_compilation_as_json_gets_406_with_the_formats(
    as_secretariat, commented
):
    response = as_secretariat.get(compilation_url(commented), HTTP_ACCEPT="application/json")

    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["status"] == 406
    assert error["code"] == "not_acceptable"
    assert error["formats"] == ["csv", "xlsx", "pdf"]
    assert "csv, xlsx, pdf" in error["message"]


def test_a_format_the_compilation_does_not_offer_is_406_too(as_secretariat, commented):
    for query in ("?format=json", "?format=html", "?format=api"):
        response = as_secretariat.get(compilation_url(commented) + query)

        assert response.status_code == 406, query
        assert response.json()["error"]["formats"] == ["csv", "xlsx", "pdf"]


def test_the_406_is_in_russian_for_a_russian_client(secretariat, commented):
    client = english_client()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=secretariat).key}")

    response = client.get(
        compilation_url(commented), HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE="ru"
    )

    assert response.status_code == 406
    assert "Этот ответ" in response.json()["error"]["message"]


def test_the_compilation_answers_the_format_the_accept_header_names(as_secretariat, commented):
    response = as_secretariat.get(compilation_url(commented), HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_a_bad_language_on_the_compilation_is_a_json_400(as_secretariat, commented):
    response = as_secretariat.get(compilation_url(commented) + "?lang=xx&format=xlsx")

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["lang"]


def test_the_akn_file_is_not_handed_out_as_json(as_secretariat, commented):
    url = f"/api/v1/documents/{commented.document_id}/revisions/1/akn/?lang=en"

    assert as_secretariat.get(url).status_code == 200
    response = as_secretariat.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 406
    assert response.json()["error"]["formats"] == ["akn"]


# --- Every route, with every media type its schema advertises.


@pytest.fixture
def everything(commented, alice, secretariat, delegation_b):
    """One of each object, so that every path parameter names a real row."""
    summit = SummitFactory()
    meeting = Meeting.objects.create(
        summit=summit, kind="summit", title_en="Summit", place_en="Astana", slug="summit"
    )
    initiative = InitiativeFactory(slug="green-shield", lead_delegation=delegation_b)
    initiative.tags.add(Tag.objects.create(kind="theme", name_en="Water", slug="water"))
    job = PdfJob.objects.create(revision=commented, language="en", requested_by=secretariat)
    registration = Registration.objects.create(
        meeting=meeting,
        delegation=delegation_b,
        category=Registration.Category.STATE,
        title=Registration.Title.MS,
        given_name="Aigerim",
        family_name="Demo",
        function="Adviser",
    )
    call = Call.objects.create(
        meeting=meeting, subject_en="Water", deadline=timezone.now() + timedelta(days=5), who="all"
    )
    return {
        "calls": call.pk,
        "summits": summit.pk,
        "meetings": meeting.pk,
        "initiatives": initiative.slug,
        "delegations": delegation_b.pk,
        "documents": commented.document_id,
        "comments": commented.comments.first().pk,
        "pdf-jobs": job.pk,
        "registrations": registration.pk,
        "subscriptions": Subscription.objects.create(
            user=secretariat, target_type="meeting", meeting=meeting
        ).pk,
    }


def concrete(path: str, ids: dict) -> str:
    collection = path.split("/")[3]
    path = re.sub(r"\{(id|slug)\}", str(ids[collection]), path)
    return path.replace("{number}", "1")


def required_query(operation: dict) -> str:
    pairs = [
        f"{parameter['name']}={parameter['schema'].get('enum', ['1'])[0]}"
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter.get("required")
    ]
    return "?" + "&".join(pairs) if pairs else ""


def test_every_route_answers_every_media_type_it_advertises(client, everything, secretariat):
    schema = client.get("/api/schema/?format=json").json()
    clients = {"anonymous": client_for(None), "secretariat": client_for(secretariat)}
    asked = 0
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        url = concrete(path, everything) + required_query(operation)
        media_types = {
            media_type
            for response in operation["responses"].values()
            for media_type in response.get("content", {})
        }
        for media_type in sorted(media_types | {"application/json", "*/*"}):
            for role, api_client in clients.items():
                response = api_client.get(url, HTTP_ACCEPT=media_type)
                asked += 1
                where = f"{role} GET {url} Accept: {media_type} → {response.status_code}"
                assert response.status_code < 500, where
                answered = response["Content-Type"].split(";")[0]
                if response.status_code >= 400:
                    assert answered == "application/json", where
                    assert response.json()["error"]["status"] == response.status_code, where
                elif media_type != "*/*":
                    assert answered == media_type, where
    assert asked > 50
