"""Random bodies to registration's forms and endpoints: never a 5xx, and a refusal writes
nothing (the same drawing as tests/test_fuzz_inputs.py)."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from registration.models import Registration
from tests.test_fuzz_inputs import FUZZ, post_random_forms, raw_bodies

from .conftest import client_for

NOMINATION_FIELDS = [
    "delegation",
    "organisation",
    "category",
    "title",
    "given_name",
    "family_name",
    "given_name_cyrillic",
    "family_name_cyrillic",
    "function",
    "email",
    "phone",
    "heads_delegation",
    "consent_public_list",
    "language",
]


@pytest.mark.django_db
def test_random_bodies_to_the_registration_api_never_fail_the_server(
    meeting, head_a, secretariat, delegation_a
):
    head, staff = client_for(head_a), client_for(secretariat)
    registration = Registration.objects.create(
        meeting=meeting,
        delegation=delegation_a,
        category="state",
        title="mr",
        given_name="A",
        family_name="B",
        function="C",
        email="ab@example.org",
    )
    endpoints = [
        (head, reverse("api-meeting-registrations", args=[meeting.pk]), NOMINATION_FIELDS),
        (staff, reverse("api-meeting-registrations", args=[meeting.pk]), NOMINATION_FIELDS),
        (staff, reverse("api-registration-reject", args=[registration.pk]), ["reason"]),
        (staff, reverse("api-check-in"), ["code"]),
    ]

    @FUZZ
    @given(data=st.data())
    def send(data):
        client, url, names = data.draw(st.sampled_from(endpoints))
        body = data.draw(raw_bodies(names))
        before = Registration.objects.count()
        response = client.post(url, body, content_type="application/json")
        assert response.status_code < 500, (url, body[:200], response.content[:300])
        if response.status_code >= 400:
            assert response.json()["error"]["status"] == response.status_code
            assert Registration.objects.count() == before

    send()


@pytest.mark.django_db
def test_random_bodies_to_the_registration_forms_never_fail_the_server(
    meeting, head_a, alice, secretariat, delegation_a
):
    head, member, staff = Client(), Client(), Client()
    head.force_login(head_a)
    member.force_login(alice)
    staff.force_login(secretariat)
    post_random_forms(
        [
            (head, reverse("registration_nominations", args=[meeting.slug]), NOMINATION_FIELDS),
            (member, reverse("registration_self", args=[meeting.slug]), NOMINATION_FIELDS),
            (staff, reverse("registration_check_in"), ["code"]),
            (staff, reverse("registration_desk_decide"), ["registrations", "decision", "reason"]),
            (staff, reverse("registration_desk_document"), ["meeting", "kind", "language"]),
            (
                head,
                reverse("registration_focal_point", args=[delegation_a.slug]),
                ["member", "next"],
            ),
        ]
    )
