"""The issue's own check, through the API: nominate, accredit, list, badge, door."""

import pytest
from django.core import mail
from django.urls import reverse

from registration.models import Registration

from .conftest import nomination


def nominate(client, meeting, **extra):
    return client.post(
        reverse("api-meeting-registrations", args=[meeting.pk]), nomination(**extra), format="json"
    )


def test_head_nominates_two_the_secretariat_accredits_and_the_public_list_names_only_who_consented(
    meeting, as_head_a, as_secretariat, anonymous, delegation_a
):
    first = nominate(as_head_a, meeting)
    second = nominate(
        as_head_a,
        meeting,
        given_name="Timur",
        family_name="Akhmetov",
        email="timur@example.org",
        consent_public_list=False,
    )
    assert first.status_code == 201, first.json()
    assert second.status_code == 201
    assert first.json()["status"] == "nominated"
    assert first.json()["delegation"] == delegation_a.pk

    for answer in (first, second):
        accredited = as_secretariat.post(
            reverse("api-registration-accredit", args=[answer.json()["id"]])
        )
        assert accredited.status_code == 200
        assert accredited.json()["status"] == "accredited"

    listing = anonymous.get(reverse("api-meeting-participants", args=[meeting.pk]))
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Sadykova" in body
    assert "Akhmetov" not in body
    assert "@" not in body  # no e-mail
    assert listing.json()["named"] == 1
    assert listing.json()["unnamed"] == 1


def test_another_delegations_head_cannot_nominate_for_it(meeting, as_head_b, delegation_a):
    answer = nominate(as_head_b, meeting, delegation=delegation_a.pk)
    assert answer.status_code == 403
    assert answer.json()["error"]["status"] == 403
    assert not Registration.objects.exists()


def test_a_nomination_after_the_window_closed_is_refused(closed_meeting, as_head_a):
    answer = nominate(as_head_a, closed_meeting)
    assert answer.status_code == 400
    assert "closed" in answer.json()["error"]["fields"]["non_field_errors"][0]
    assert not Registration.objects.exists()


def test_the_badge_is_a_pdf_and_the_door_answers_200_then_409_and_404_for_a_forged_code(
    meeting, as_head_a, as_secretariat
):
    registration_id = nominate(as_head_a, meeting).json()["id"]
    as_secretariat.post(reverse("api-registration-accredit", args=[registration_id]))

    badge = as_secretariat.get(reverse("api-registration-badge", args=[registration_id]))
    assert badge.status_code == 200
    assert badge["Content-Type"] == "application/pdf"
    assert badge.content.startswith(b"%PDF-")

    code = as_head_a.get(reverse("api-registration-detail", args=[registration_id])).json()[
        "badge_code"
    ]
    assert code and str(registration_id) != code.split(":")[0]

    first = as_secretariat.post(reverse("api-check-in"), {"code": code}, format="json")
    assert first.status_code == 200
    assert first.json()["name"] == "Aigerim Sadykova"
    again = as_secretariat.post(reverse("api-check-in"), {"code": code}, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["checked_in_at"]
    forged = as_secretariat.post(reverse("api-check-in"), {"code": code[:-1] + "x"}, format="json")
    assert forged.status_code == 404


def test_mail_goes_to_the_nominator_and_the_participant(
    meeting, as_head_a, head_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        nominate(as_head_a, meeting)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(["aigerim@example.org", head_a.email])


@pytest.mark.parametrize("field", ["given_name", "family_name", "function"])
def test_a_name_of_ten_thousand_characters_is_refused_and_nothing_is_saved(
    meeting, as_head_a, field
):
    answer = nominate(as_head_a, meeting, **{field: "A" * 10_000})
    assert answer.status_code == 400
    assert field in answer.json()["error"]["fields"]
    assert not Registration.objects.exists()
