"""The API's contract, exactly as the issue writes it."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from submissions.models import Call
from tests.api.conftest import client_for

from .conftest import DEADLINE, call_on, pdf_bytes, png_as_pdf


def _future(days=3) -> str:
    return (timezone.localtime() + timedelta(days=days)).replace(microsecond=0).isoformat()


def test_the_secretariat_opens_a_call_and_gets_its_id(meeting, as_secretariat):
    response = as_secretariat.post(
        f"/api/v1/meetings/{meeting.pk}/calls/",
        {"subject": "Priorities for water", "deadline": _future(), "who": "states"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    call = Call.objects.get(pk=response.json()["id"])
    assert call.who == "states"
    assert call.subject_en == "Priorities for water"
    assert response.json()["deadline"].endswith("+05:00")


def test_a_deadline_without_an_offset_is_almaty_time(meeting, as_secretariat):
    naive = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT18:00:00")
    response = as_secretariat.post(
        f"/api/v1/meetings/{meeting.pk}/calls/",
        {"subject": "Water", "deadline": naive, "who": "all"},
        format="json",
    )
    assert response.status_code == 201
    deadline = Call.objects.get(pk=response.json()["id"]).deadline
    assert timezone.localtime(deadline).hour == 18
    assert deadline.astimezone(UTC).hour == 13


@pytest.mark.parametrize(
    "body",
    [
        {"subject": "Water", "deadline": "tomorrow", "who": "all"},
        {"subject": "Water", "deadline": "2020-01-01T18:00:00+05:00", "who": "all"},
        {"subject": "Water", "deadline": "9999-12-31T23:59:59-14:00", "who": "all"},
        {"subject": "Water", "deadline": 1767225600, "who": "all"},
        {"subject": "Water", "who": "everyone"},
        {"subject": 5, "who": "all"},
        {"subject": "", "who": "all"},
    ],
)
def test_invalid_calls_are_refused_in_the_one_error_format(meeting, as_secretariat, body):
    body.setdefault("deadline", _future())
    response = as_secretariat.post(f"/api/v1/meetings/{meeting.pk}/calls/", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400


def test_only_the_secretariat_opens_calls(meeting, head_a, anonymous):
    body = {"subject": "Water", "deadline": _future(), "who": "all"}
    url = f"/api/v1/meetings/{meeting.pk}/calls/"
    assert client_for(head_a).post(url, body, format="json").status_code == 403
    assert anonymous.post(url, body, format="json").status_code in (401, 403)
    assert not Call.objects.exists()


def test_a_head_submits_and_gets_the_receipt(call, as_head_a):
    response = as_head_a.post(
        f"/api/v1/calls/{call.pk}/submissions/", {"text": "Kazakhstan proposes…"}, format="json"
    )
    assert response.status_code == 201
    receipt = response.json()
    assert receipt["number"] == f"RES-2026-SUB-{call.pk}-0001"
    assert receipt["submitted_at"].endswith("+05:00")
    assert receipt["replaced_at"] is None
    assert receipt["has_file"] is False


def test_a_head_submits_a_pdf_by_multipart_and_replaces_it(call, as_head_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = f"/api/v1/calls/{call.pk}/submissions/"
    first = as_head_a.post(
        url,
        {"text": "See the PDF.", "file": SimpleUploadedFile("a.pdf", pdf_bytes())},
        format="multipart",
    )
    assert first.status_code == 201
    assert first.json()["has_file"] is True
    second = as_head_a.post(url, {"text": "Replaced."}, format="multipart")
    assert second.status_code == 201
    assert second.json()["number"] == first.json()["number"]
    assert second.json()["replaced_at"] is not None


def test_a_png_renamed_pdf_is_a_400(call, as_head_a):
    response = as_head_a.post(
        f"/api/v1/calls/{call.pk}/submissions/",
        {"text": "See the file.", "file": png_as_pdf()},
        format="multipart",
    )
    assert response.status_code == 400
    assert "file" in response.json()["error"]["fields"]


def test_after_the_deadline_the_api_answers_400_naming_it(meeting, as_head_a):
    call = call_on(meeting, deadline=DEADLINE)
    response = as_head_a.post(
        f"/api/v1/calls/{call.pk}/submissions/", {"text": "Late."}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "deadline_passed"
    assert "10 March 2026, 18:00 (Almaty, UTC+5)" in error["message"]


def test_non_heads_are_refused_with_403(call, alice, secretariat):
    for person in (alice, secretariat):
        response = client_for(person).post(
            f"/api/v1/calls/{call.pk}/submissions/", {"text": "Mine?"}, format="json"
        )
        assert response.status_code == 403
        assert response.json()["error"]["status"] == 403
    assert not call.submissions.exists()


def test_the_secretariat_lists_the_submissions_others_may_not(
    call, head_a, as_head_a, as_secretariat
):
    as_head_a.post(f"/api/v1/calls/{call.pk}/submissions/", {"text": "Ours."}, format="json")
    listed = as_secretariat.get(f"/api/v1/calls/{call.pk}/submissions/")
    assert listed.status_code == 200
    assert [row["delegation_name"] for row in listed.json()] == ["Kazakhstan"]
    assert listed.json()[0]["text"] == "Ours."
    assert as_head_a.get(f"/api/v1/calls/{call.pk}/submissions/").status_code == 403


def test_anyone_reads_a_call_and_the_calls_of_a_meeting(call, anonymous):
    one = anonymous.get(f"/api/v1/calls/{call.pk}/")
    assert one.status_code == 200
    assert one.json()["open"] is True
    assert one.json()["subject"] == "Priorities for water"
    listed = anonymous.get(f"/api/v1/meetings/{call.meeting_id}/calls/")
    assert [c["id"] for c in listed.json()] == [call.pk]
    assert anonymous.get("/api/v1/calls/999999/").status_code == 404
