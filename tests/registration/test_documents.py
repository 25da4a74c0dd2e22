"""Badges, the list as PDF and spreadsheets, the programme as iCalendar, and retention."""

import io
import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from programme.models import AgendaItem, Meeting
from registration.documents import (
    badge_render,
    registration_document_request,
    registrations_csv,
    registrations_xlsx,
)
from registration.models import Registration, RegistrationDocument
from registration.retention import personal_data_erase
from registration.services import registration_accredit, registration_nominate

from .conftest import image_bytes


def accredited(meeting, secretariat, delegation, family="Ospanova", **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = extra.pop("photo", None)
    registration = registration_nominate(
        meeting=meeting,
        user=secretariat,
        delegation=delegation,
        title="ms",
        given_name="Dana",
        family_name=family,
        given_name_cyrillic="Дана",
        family_name_cyrillic="Оспанова",
        function="Expert",
        email=f"{''.join(c for c in family if c.isalnum())}@example.org",
        photo=SimpleUploadedFile("p.png", photo, "image/png") if photo else None,
        **extra,
    )
    return registration_accredit(registration=registration, user=secretariat)


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_a_badge_carries_name_delegation_category_and_a_qr_code(meeting, secretariat, delegation_a):
    registration = accredited(meeting, secretariat, delegation_a, photo=image_bytes("PNG"))
    badge_render(registration_id=registration.pk)
    registration.refresh_from_db()
    content = registration.badge_pdf.read()
    text = pdf_text(content)
    assert "Оспанова" in text and "Ospanova" in text
    assert "Kazakhstan" in text or "Казахстан" in text
    assert len(PdfReader(io.BytesIO(content)).pages) == 1
    assert registration.badge_key not in text  # the QR code is an image, not the key


def test_the_meeting_sheet_puts_four_badges_on_a_page(
    meeting, secretariat, delegation_a, django_capture_on_commit_callbacks
):
    for n in range(5):
        accredited(meeting, secretariat, delegation_a, family=f"Family{n}")
    with django_capture_on_commit_callbacks(execute=True):
        document = registration_document_request(
            meeting=meeting, kind="badges", language="en", user=secretariat
        )
    document.refresh_from_db()
    assert document.status == "ready", document.error
    reader = PdfReader(document.file.open("rb"))
    assert len(reader.pages) == 2
    assert abs(float(reader.pages[0].mediabox.height) - 841.89) < 1  # A4


def test_the_list_pdf_in_each_language_names_only_who_consented(
    meeting, secretariat, delegation_a, django_capture_on_commit_callbacks
):
    accredited(meeting, secretariat, delegation_a, family="Listed", consent_public_list=True)
    accredited(meeting, secretariat, delegation_a, family="Hidden")
    for language, heading in (("ru", "Список участников"), ("en", "List of participants")):
        with django_capture_on_commit_callbacks(execute=True):
            document = registration_document_request(
                meeting=meeting, kind="list", language=language, user=secretariat
            )
        document.refresh_from_db()
        text = pdf_text(document.file.read())
        assert heading in text
        assert "Hidden" not in text
        assert ("Оспанова" if language == "ru" else "Listed") in text


def test_the_spreadsheets_carry_what_logistics_need_and_no_formula(
    meeting, secretariat, delegation_a
):
    accredited(meeting, secretariat, delegation_a, family="=HYPERLINK(1)", phone="+7 701")
    registrations = Registration.objects.select_related("delegation")
    text = registrations_csv(registrations).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "+7 701" not in text.split("'=HYPERLINK")[0]
    sheet = load_workbook(io.BytesIO(registrations_xlsx(registrations))).active
    rows = list(sheet.values)
    assert len(rows) == 2
    assert "'=HYPERLINK(1)" in rows[1]


def test_the_programme_page_links_an_ics_feed_with_one_event_per_meeting(client, meeting):
    other = Meeting.objects.create(
        summit=meeting.summit, kind="preparatory", title_en="Prep", place_en="Almaty", slug="prep"
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title_en="Opening")
    page = client.get(reverse("programme")).content.decode()
    assert reverse("programme_ical") in page
    answer = client.get(reverse("programme_ical"))
    assert answer["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(answer.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    event = next(e for e in events if str(e["summary"]) in ("Саммит", "The Summit"))
    assert str(event["location"]) in ("Астана", "Astana")
    assert event["url"].endswith(meeting.get_absolute_url())
    assert "Opening" in str(event["description"]) or "1." in str(event["description"])
    assert calendar["x-wr-timezone"] == "Asia/Almaty"
    assert calendar.walk("VTIMEZONE")
    one = Calendar.from_ical(client.get(reverse("meeting_ical", args=[other.slug])).content)
    assert len(one.walk("VEVENT")) == 1
    assert (
        reverse("meeting_ical", args=[meeting.slug])
        in client.get(meeting.get_absolute_url()).content.decode()
    )


def test_personal_data_is_erased_after_the_retention_period_keeping_the_counts(
    meeting, secretariat, delegation_a, django_capture_on_commit_callbacks
):
    registration = accredited(meeting, secretariat, delegation_a, photo=image_bytes("PNG"))
    photo_path = registration.photo.path
    meeting.start_date = timezone.localdate() - timedelta(days=200)
    meeting.end_date = timezone.localdate() - timedelta(days=181)
    meeting.save()
    assert personal_data_erase(days=200) == 0
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_participant_data", stdout=io.StringIO())
    registration.refresh_from_db()
    assert registration.email == "" and registration.phone == "" and not registration.photo
    assert registration.family_name != "Ospanova"
    assert registration.status == "accredited" and registration.delegation == delegation_a
    assert not any(h.email for h in registration.history.all())
    assert not any("Ospanova" in h.family_name for h in registration.history.all())
    assert not os.path.exists(photo_path)
    assert Registration.objects.filter(meeting=meeting).accredited().count() == 1
    assert personal_data_erase() == 0  # once


def test_the_document_page_answers_while_the_job_has_not_run(client, meeting, secretariat):
    document = RegistrationDocument.objects.create(meeting=meeting, kind="list", language="ru")
    page = client.get(reverse("registration_document", args=[document.pk]))
    assert page.status_code == 200
    assert 'http-equiv="refresh"' in page.content.decode()


def test_the_meeting_page_links_its_participants_and_nominations_while_open(
    client, meeting, head_a, english
):
    page = client.get("/en" + meeting.get_absolute_url()[3:]).content.decode()
    assert reverse("registration_participants", args=[meeting.slug]) in page
    assert reverse("registration_nominations", args=[meeting.slug]) not in page
    client.force_login(head_a)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("registration_nominations", args=[meeting.slug]) in page


def test_the_pdf_renderer_takes_inline_images_and_nothing_else_inline():
    from typesetting.pdf import ResourceRefused, data_image

    assert data_image("data:image/png;base64,iVBORw0KGgo=")[0] == "image/png"
    assert data_image("https://pdf.portal.invalid/static/x.css") is None
    for url in ("data:text/html;base64,PGI+", "data:image/png,raw", "data:image/png;base64,%%%"):
        with pytest.raises(ResourceRefused):
            data_image(url)
