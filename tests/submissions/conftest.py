from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from delegations.models import Delegation
from programme.models import Meeting
from submissions.models import Call
from tests.api.conftest import client_for
from tests.factories import DelegationFactory, MembershipFactory, SummitFactory

ALMATY = ZoneInfo("Asia/Almaty")
# 10 March 2026, 18:00 in Almaty is 13:00 UTC (UTC+5 all year).
DEADLINE = datetime(2026, 3, 10, 18, 0, tzinfo=ALMATY)


@pytest.fixture
def meeting(db):
    return Meeting.objects.create(
        summit=SummitFactory(),
        kind="preparatory",
        title_en="First preparatory meeting",
        title_ru="Первое подготовительное совещание",
        place_en="Almaty",
        place_ru="Алматы",
        slug="prep-1",
    )


def call_on(meeting, *, deadline=None, who=Call.Who.ALL, by=None) -> Call:
    """A call made directly (the service refuses a deadline in the past)."""
    return Call.objects.create(
        meeting=meeting,
        subject_en="Priorities for water",
        subject_ru="Приоритеты по воде",
        deadline=deadline or timezone.now() + timedelta(days=2),
        who=who,
        opened_by=by,
    )


@pytest.fixture
def call(meeting, secretariat):
    return call_on(meeting, by=secretariat)


@pytest.fixture
def organisation(db):
    return DelegationFactory(
        kind=Delegation.Kind.ORGANISATION,
        name_en="United Nations Environment Programme",
        name_ru="Программа ООН по окружающей среде",
        iso_code="",
        slug="unep",
    )


@pytest.fixture
def olga(organisation):
    """Olga, head of the UNEP delegation (an organisation's)."""
    return MembershipFactory(
        user__email="olga@example.org", delegation=organisation, role="head"
    ).user


@pytest.fixture
def head_b(delegation_b):
    """Boris, head of delegation B (Uzbekistan)."""
    return MembershipFactory(
        user__email="boris@example.org", delegation=delegation_b, role="head"
    ).user


@pytest.fixture
def as_head_a(head_a):
    return client_for(head_a)


@pytest.fixture
def as_secretariat(secretariat):
    return client_for(secretariat)


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_upload(name: str = "input.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def png_as_pdf() -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (20, 20), (200, 0, 0)).save(out, format="PNG")
    return SimpleUploadedFile("statement.pdf", out.getvalue(), content_type="application/pdf")


@pytest.fixture
def anonymous():
    return client_for(None)
