"""Who may do what, and who sees personal data (items 6 and 7)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from registration.badges import badge_code
from registration.models import Registration
from registration.selectors import registration_data
from registration.services import (
    AlreadyCheckedIn,
    BadgeRefused,
    BadgeUnknown,
    focal_point_appoint,
    registration_accredit,
    registration_check_in,
    registration_confirm,
    registration_nominate,
    registration_reject,
    registration_withdraw,
)
from tests.factories import MembershipFactory

from .conftest import client_for


def nominate(meeting, user, delegation, **extra):
    values = {
        "title": "ms",
        "given_name": "Dana",
        "family_name": "Ospanova",
        "function": "Expert",
        "email": "dana@example.org",
        "phone": "+7 700 000 00 00",
        **extra,
    }
    return registration_nominate(meeting=meeting, user=user, delegation=delegation, **values)


def test_a_focal_point_named_by_the_head_nominates_for_the_delegation(
    meeting, head_a, alice, delegation_a
):
    with pytest.raises(PermissionDenied):
        nominate(meeting, alice, delegation_a)
    focal_point_appoint(delegation=delegation_a, member=alice, user=head_a)
    alice.__dict__.pop("_focal_point_of", None)
    assert nominate(meeting, alice, delegation_a).status == "nominated"


def test_a_member_registers_herself_pending_her_heads_confirmation(meeting, alice, head_a):
    registration = registration_nominate(
        meeting=meeting,
        user=alice,
        self_registration=True,
        title="ms",
        given_name="Alice",
        family_name="Smith",
        function="Delegate",
        email="ignored@example.org",
    )
    assert registration.status == "pending"
    assert registration.email == alice.email
    assert registration_confirm(registration=registration, user=head_a).status == "nominated"


def test_the_secretariat_registers_media_without_a_delegation_even_when_closed(
    closed_meeting, secretariat
):
    registration = registration_nominate(
        meeting=closed_meeting,
        user=secretariat,
        organisation="Kazinform",
        category="media",
        title="mr",
        given_name="Arman",
        family_name="Bekov",
        function="Journalist",
        email="arman@example.org",
    )
    assert registration.category == "media"
    assert registration.delegation is None


def test_a_head_may_not_register_organisations(meeting, head_a):
    with pytest.raises(PermissionDenied):
        registration_nominate(
            meeting=meeting,
            user=head_a,
            organisation="Press",
            title="mr",
            given_name="A",
            family_name="B",
            function="C",
            email="c@example.org",
        )


def test_the_same_person_twice_for_one_meeting_is_refused(meeting, head_a, delegation_a):
    nominate(meeting, head_a, delegation_a)
    with pytest.raises(ValidationError):
        nominate(meeting, head_a, delegation_a, email="DANA@example.org")


def test_only_the_secretariat_decides(meeting, head_a, secretariat, delegation_a):
    registration = nominate(meeting, head_a, delegation_a)
    with pytest.raises(PermissionDenied):
        registration_accredit(registration=registration, user=head_a)
    with pytest.raises(ValidationError):
        registration_reject(registration=registration, user=secretariat, reason="  ")
    rejected = registration_reject(registration=registration, user=secretariat, reason="No letter")
    assert rejected.status_reason == "No letter"
    history = list(rejected.history.order_by("history_date"))
    assert [entry.status for entry in history] == ["nominated", "rejected"]
    assert history[-1].history_user == secretariat


def test_personal_data_is_for_the_secretariat_the_participant_and_the_head_only(
    meeting, head_a, alice, bob, secretariat, delegation_a
):
    registration = nominate(meeting, head_a, delegation_a, email=alice.email)
    registration.user = alice
    registration.save()
    for user in (secretariat, alice, head_a):
        assert registration_data(registration, user)["email"] == alice.email
        assert registration_data(registration, user)["phone"]
    assert registration_data(registration, bob)["email"] is None
    assert registration_data(registration, bob)["phone"] is None


def test_the_public_list_and_page_never_carry_email_phone_or_photo(
    client, anonymous, meeting, head_a, secretariat, delegation_a
):
    registration = nominate(meeting, head_a, delegation_a, consent_public_list=True)
    registration_accredit(registration=registration, user=secretariat)
    api = anonymous.get(reverse("api-meeting-participants", args=[meeting.pk])).content.decode()
    page = client.get(reverse("registration_participants", args=[meeting.slug])).content.decode()
    delegation_page = client.get(delegation_a.get_absolute_url()).content.decode()
    for body in (api, page, delegation_page):
        assert "Ospanova" in body
        assert "dana@example.org" not in body
        assert "+7 700" not in body
        assert "/photo/" not in body


def test_a_withdrawn_or_rejected_badge_is_refused_and_a_forged_one_unknown(
    meeting, head_a, secretariat, delegation_a
):
    registration = registration_accredit(
        registration=nominate(meeting, head_a, delegation_a), user=secretariat
    )
    code = badge_code(registration)
    with pytest.raises(BadgeUnknown):
        registration_check_in(code=code.replace(":", ":x", 1), user=secretariat)
    with pytest.raises(BadgeUnknown):
        registration_check_in(code=str(registration.pk), user=secretariat)
    registration_withdraw(registration=registration, user=head_a, reason="Cannot travel")
    with pytest.raises(BadgeRefused):
        registration_check_in(code=code, user=secretariat)


def test_a_second_scan_says_when_the_first_was(meeting, head_a, secretariat, delegation_a):
    registration = registration_accredit(
        registration=nominate(meeting, head_a, delegation_a), user=secretariat
    )
    first = registration_check_in(code=badge_code(registration), user=secretariat)
    with pytest.raises(AlreadyCheckedIn) as again:
        registration_check_in(code=badge_code(registration), user=secretariat)
    assert again.value.registration.checked_in_at == first.at
    assert again.value.registration.checked_in_by == secretariat


def test_the_check_in_page_refuses_a_withdrawn_badge_unmistakably(
    client, meeting, head_a, secretariat, delegation_a
):
    registration = registration_accredit(
        registration=nominate(meeting, head_a, delegation_a), user=secretariat
    )
    registration_withdraw(registration=registration, user=secretariat, reason="")
    client.force_login(secretariat)
    answer = client.post(reverse("registration_check_in"), {"code": badge_code(registration)})
    assert answer.status_code == 403
    assert "check-refused" in answer.content.decode()


def test_the_public_list_is_in_the_un_order_with_heads_first(
    anonymous, meeting, secretariat, delegation_a, delegation_b
):
    def add(delegation, family, *, head=False, category=None, organisation=""):
        registration = registration_nominate(
            meeting=meeting,
            user=secretariat,
            delegation=delegation,
            organisation=organisation,
            category=category or "",
            title="mr",
            given_name="X",
            family_name=family,
            function="F",
            email=f"{family}@example.org",
            heads_delegation=head,
            consent_public_list=True,
        )
        registration_accredit(registration=registration, user=secretariat)

    add(None, "Reporter", category="media", organisation="Press")
    add(delegation_b, "Usmanov")
    add(delegation_a, "Zhakupov")
    add(delegation_a, "Abenov", head=False)
    add(delegation_a, "Head", head=True)
    add(None, "Ngo", category="ngo", organisation="Green")
    names = [
        row["name"].split()[-1]
        for row in anonymous.get(
            reverse("api-meeting-participants", args=[meeting.pk]) + "?lang=en"
        ).json()["results"]
    ]
    # Kazakhstan before Uzbekistan (States in alphabetical order), its head first; then NGOs,
    # then the media.
    assert names == ["Head", "Abenov", "Zhakupov", "Usmanov", "Ngo", "Reporter"]


def test_nominating_500_and_reading_the_list_stays_within_a_query_budget(
    meeting, secretariat, delegation_a, delegation_b, anonymous, django_assert_max_num_queries
):
    rows = [
        Registration(
            meeting=meeting,
            delegation=delegation_a if n % 2 else delegation_b,
            category="state",
            title="mr",
            given_name=f"Given{n}",
            family_name=f"Family{n}",
            function="Expert",
            email=f"p{n}@example.org",
            status="accredited",
            consent_public_list=n % 3 != 0,
        )
        for n in range(500)
    ]
    Registration.objects.bulk_create(rows)
    with django_assert_max_num_queries(6):
        answer = anonymous.get(reverse("api-meeting-participants", args=[meeting.pk]))
    assert answer.json()["named"] + answer.json()["unnamed"] == 500
    client = client_for(secretariat)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("registration_desk")).status_code in (200, 302)


def test_a_head_of_another_delegation_sees_none_of_ours(
    meeting, head_a, delegation_a, delegation_b
):
    nominate(meeting, head_a, delegation_a)
    boris = MembershipFactory(delegation=delegation_b, role="head").user
    answer = client_for(boris).get(reverse("api-meeting-registrations", args=[meeting.pk]))
    assert answer.json() == []


def test_registration_opens_and_closes_in_almaty_time(meeting):
    window = meeting.registration_window
    assert window.is_open()
    assert not window.is_open(window.closes_at)
    assert not window.is_open(window.opens_at - timedelta(seconds=1))
    assert timezone.localtime(window.closes_at).tzinfo.key == "Asia/Almaty"


def test_the_secretariat_registers_a_journalist_from_the_desk(client, meeting, secretariat):
    client.force_login(secretariat)
    answer = client.post(
        reverse("registration_desk_register"),
        {
            "meeting": meeting.pk,
            "organisation": "Demo news agency",
            "category": "media",
            "title": "ms",
            "given_name": "Saltanat",
            "family_name": "Reporter",
            "function": "Journalist",
            "email": "saltanat@example.org",
            "language": "en",
        },
    )
    assert answer.status_code == 302
    registration = Registration.objects.get(email="saltanat@example.org")
    assert registration.category == "media" and registration.delegation is None
    assert answer["Location"] == reverse("registration_desk_detail", args=[registration.pk])
