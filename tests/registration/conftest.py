from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from PIL import Image

from programme.models import Meeting
from registration.models import RegistrationWindow
from tests.api.conftest import client_for
from tests.factories import MembershipFactory, SummitFactory


@pytest.fixture
def meeting(db):
    meeting = Meeting.objects.create(
        summit=SummitFactory(),
        kind="summit",
        title_en="The Summit",
        title_ru="Саммит",
        place_en="Astana",
        place_ru="Астана",
        slug="the-summit",
        start_date=timezone.localdate() + timedelta(days=30),
        end_date=timezone.localdate() + timedelta(days=31),
    )
    now = timezone.now()
    RegistrationWindow.objects.create(
        meeting=meeting, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=10)
    )
    return meeting


@pytest.fixture
def closed_meeting(meeting):
    window = meeting.registration_window
    window.opens_at = timezone.now() - timedelta(days=10)
    window.closes_at = timezone.now() - timedelta(days=1)
    window.save()
    return meeting


@pytest.fixture
def head_b(delegation_b):
    """Boris, head of delegation B."""
    return MembershipFactory(
        user__email="boris@example.org", delegation=delegation_b, role="head"
    ).user


@pytest.fixture
def as_head_a(head_a):
    return client_for(head_a)


@pytest.fixture
def as_head_b(head_b):
    return client_for(head_b)


@pytest.fixture
def as_secretariat(secretariat):
    return client_for(secretariat)


@pytest.fixture
def anonymous():
    return client_for(None)


def nomination(**extra) -> dict:
    return {
        "title": "ms",
        "given_name": "Aigerim",
        "family_name": "Sadykova",
        "function": "Deputy Minister",
        "email": "aigerim@example.org",
        "consent_public_list": True,
        **extra,
    }


def image_bytes(fmt: str = "JPEG", size=(640, 480), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    out = BytesIO()
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam"  # Make
        data[0x0131] = "Secret software"  # Software
        kwargs["exif"] = data.tobytes()
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()
