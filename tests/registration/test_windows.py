"""The secretariat opens, moves and closes each meeting's window for nominations from its own
screen, in the summit's time (Asia/Almaty); heads nominate only while it is open."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from programme.models import Meeting
from registration.models import RegistrationWindow
from registration.services import registration_nominate, registration_window_set

from .conftest import nomination

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture
def desk(client, secretariat):
    client.force_login(secretariat)
    return client


def test_the_secretariat_sets_a_window_in_almaty_time(desk, meeting):
    answer = desk.post(
        reverse("registration_desk_windows"),
        {"meeting": meeting.pk, "opens_at": "2026-12-01T09:00", "closes_at": "2027-01-15T18:00"},
    )

    assert answer.status_code == 302
    window = RegistrationWindow.objects.get(meeting=meeting)
    assert window.opens_at == datetime(2026, 12, 1, 9, 0, tzinfo=ALMATY)
    assert window.closes_at == datetime(2027, 1, 15, 18, 0, tzinfo=ALMATY)
    page = desk.get(reverse("registration_desk_windows")).content.decode()
    assert "UTC+5" in page and 'value="2027-01-15T18:00"' in page


def test_a_window_that_closes_before_it_opens_is_refused_and_nothing_changes(
    desk, meeting, english
):
    before = RegistrationWindow.objects.get(meeting=meeting).closes_at

    answer = desk.post(
        reverse("registration_desk_windows"),
        {"meeting": meeting.pk, "opens_at": "2027-01-15T18:00", "closes_at": "2027-01-01T09:00"},
    )

    assert answer.status_code == 400
    assert "closes after it opens" in answer.content.decode()
    assert RegistrationWindow.objects.get(meeting=meeting).closes_at == before


def test_an_unknown_meeting_is_a_404(desk, meeting):
    answer = desk.post(
        reverse("registration_desk_windows"),
        {"meeting": "999999", "opens_at": "2026-12-01T09:00", "closes_at": "2027-01-15T18:00"},
    )
    assert answer.status_code == 404


def test_closing_the_window_stops_the_heads_nominations(meeting, secretariat, head_a, delegation_a):
    now = timezone.now()
    registration_window_set(
        meeting=meeting,
        user=secretariat,
        opens_at=now - timedelta(days=3),
        closes_at=now - timedelta(minutes=1),
    )

    fresh = Meeting.objects.get(pk=meeting.pk)  # as a request reads it, window and all
    with pytest.raises(ValidationError):
        registration_nominate(meeting=fresh, user=head_a, delegation=delegation_a, **nomination())


def test_only_the_secretariat_sets_windows(meeting, head_a):
    now = timezone.now()
    with pytest.raises(PermissionDenied):
        registration_window_set(
            meeting=meeting, user=head_a, opens_at=now, closes_at=now + timedelta(days=1)
        )
