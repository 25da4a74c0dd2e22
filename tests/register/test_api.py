"""GET|POST /api/v1/meetings/{id}/documents/: the register's contract."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from register.models import Document
from register.services import version_add

from .conftest import PNG, upload


def url(meeting):
    return f"/api/v1/meetings/{meeting.pk}/documents/"


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(
            HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}"
        )
    return client


def form(**extra):
    return {"series": "INF", "title_ru": "Записка", "title_en": "Note", **extra}


def test_the_list_has_the_contracts_fields(almaty, issue, secretariat, agenda_item):
    original = issue("INF", agenda_item=agenda_item)
    version_add(document=original, language="en", file=upload("en.pdf"), by=secretariat)
    issue("INF", revises=original)
    answer = api().get(url(almaty), {"lang": "en"})
    assert answer.status_code == 200
    first, rev1 = answer.json()
    assert set(first) >= {
        "symbol",
        "series",
        "title",
        "issued",
        "languages",
        "revises",
        "adds_to",
        "corrects",
        "agenda_item",
    }
    assert first["symbol"] == "RES-2026/PREP/1/INF/1" and first["title"] == "Information note"
    assert first["series"] == "INF" and first["issued"]
    assert [(v["lang"], v["original"]) for v in first["languages"]] == [("en", False), ("ru", True)]
    assert first["languages"][1]["url"].endswith(f"/documents/{original.pk}/ru/")
    assert first["agenda_item"]["position"] == 1
    assert first["superseded_by"] == "RES-2026/PREP/1/INF/1/Rev.1"
    assert rev1["revises"] == "RES-2026/PREP/1/INF/1" and rev1["adds_to"] is None
    assert rev1["corrects"] is None and rev1["superseded_by"] is None


def test_an_unknown_meeting_is_a_json_404(db):
    answer = api().get("/api/v1/meetings/999/documents/")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"


def test_the_secretariat_issues_and_gets_201_with_the_symbol(almaty, secretariat):
    answer = api(secretariat).post(
        url(almaty), form(file_ru=upload("ru.pdf"), file_en=upload("en.pdf")), format="multipart"
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["symbol"] == "RES-2026/PREP/1/INF/1"
    document = Document.objects.get()
    # Without `original`, the default language's file is the original.
    assert document.versions.get(original=True).language == "ru"
    original_id = document.pk
    answer = api(secretariat).post(
        url(almaty),
        form(file_en=upload("en.pdf"), revises=str(original_id), original="en"),
        format="multipart",
    )
    assert answer.status_code == 201
    assert answer.json()["symbol"] == "RES-2026/PREP/1/INF/1/Rev.1"
    assert answer.json()["revises"] == "RES-2026/PREP/1/INF/1"


@pytest.mark.parametrize("who", ["anonymous", "alice", "secretariat_without_totp"])
def test_only_the_secretariat_issues(almaty, who, request):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    answer = api(user).post(url(almaty), form(file_ru=upload()), format="multipart")
    assert answer.status_code == (401 if user is None else 403)
    assert "error" in answer.json()
    assert not Document.objects.exists()


def test_a_png_renamed_pdf_is_a_400_naming_the_file(almaty, secretariat):
    answer = api(secretariat).post(
        url(almaty) + "?lang=en", form(file_ru=upload("scan.pdf", PNG)), format="multipart"
    )
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"] == {
        "file_ru": ["The file must be a PDF or a Word document (DOCX); this one is neither."]
    }
    assert not Document.objects.exists()


def test_refusals_are_400s_in_the_one_format(almaty, secretariat, issue, summit):
    client = api(secretariat)
    cases = [
        form(),  # no file
        form(file_ru=upload(), series="XYZ"),
        form(file_ru=upload(), revises="999"),
        form(file_ru=upload(), agenda_item="999"),
        form(file_ru=upload(), revises="abc"),
        {"series": "INF", "file_ru": upload()},  # no titles
        form(file_ru=upload(), original="en"),  # the original must be one of the files
    ]
    for data in cases:
        answer = client.post(url(almaty), data, format="multipart")
        assert answer.status_code == 400, (data, answer.content)
        assert answer.json()["error"]["status"] == 400
    assert not Document.objects.exists()


def test_a_json_body_is_refused_as_unsupported(almaty, secretariat):
    answer = api(secretariat).post(url(almaty), {"series": "INF"}, format="json")
    assert answer.status_code == 415
    assert "error" in answer.json()
