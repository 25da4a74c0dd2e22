import pytest
from django.core.management import call_command
from django.urls import reverse

from programme.models import Meeting
from registration.models import Registration
from registration.selectors import registration_is_open


@pytest.mark.django_db
def test_the_demo_opens_the_summits_registration_with_a_dozen_in_every_status(settings, client):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-pass-2026"
    call_command("load_demo")
    call_command("load_demo")  # a second run adds nothing
    summit = Meeting.objects.get(slug="res-2026-summit")
    assert registration_is_open(summit)
    registrations = Registration.objects.filter(meeting=summit)
    assert registrations.count() == 12
    assert set(registrations.values_list("status", flat=True)) == set(Registration.Status.values)
    assert registrations.filter(consent_public_list=True).exists()
    assert registrations.filter(consent_public_list=False).exists()
    assert registrations.exclude(photo="").count() >= 3
    assert all("(demo)" in r.family_name for r in registrations)
    page = client.get(reverse("registration_participants", args=[summit.slug])).content.decode()
    assert "Образцов (демо)" in page
    assert "Условный" not in page  # accredited without consent: counted, not named
