"""The files made from registrations: a participant's badge, a meeting's sheet of badges and
its list of participants as PDF (Celery jobs, like the drafts' PDFs), and the secretariat's
CSV and XLSX. Tasks live beside the services they call (registration/tasks.py names them)."""

import csv
import io
import logging
from collections.abc import Iterable

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from accounts.models import User
from portal.tasks import after_commit

from .badges import badges_pdf, participants_pdf
from .models import Registration, RegistrationDocument
from .selectors import affiliation_name, participants_public, un_order_key

logger = logging.getLogger(__name__)
SOFT_TIME_LIMIT = 300
TIME_LIMIT = 360


# --- one badge


def badge_render(*, registration_id: int) -> Registration | None:
    """Render and store the badge of an accredited participant (idempotent: again replaces)."""
    registration = (
        Registration.objects.select_related("meeting", "delegation")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or not registration.may_enter:
        return None
    content = badges_pdf(
        [registration], meeting=registration.meeting, language=registration.language, sheet=False
    )
    previous = registration.badge_pdf.name if registration.badge_pdf else ""
    registration.badge_pdf.save(
        f"badges/{registration.badge_key}.pdf", ContentFile(content), save=False
    )
    Registration.objects.filter(pk=registration.pk).update(badge_pdf=registration.badge_pdf.name)
    if previous and previous != registration.badge_pdf.name:
        registration.badge_pdf.storage.delete(previous)
    return registration


@shared_task(name="registration.render_badge", soft_time_limit=60, time_limit=90)
def render_badge(registration_id: int) -> bool:
    return badge_render(registration_id=registration_id) is not None


def badge_render_on_commit(registration: Registration) -> None:
    after_commit(render_badge.delay, registration.pk)


def badge_pdf_bytes(registration: Registration) -> bytes:
    """The stored badge, or rendered now when the job has not run yet (or the file is lost)."""
    if registration.badge_pdf:
        try:
            with registration.badge_pdf.open("rb") as stored:
                return stored.read()
        except OSError:
            logger.warning("badge file of registration %s is missing", registration.pk)
    rendered = badge_render(registration_id=registration.pk)
    if rendered is None:
        return b""
    with rendered.badge_pdf.open("rb") as stored:
        return stored.read()


# --- a meeting's documents


def accredited_for_badges(meeting) -> list[Registration]:
    language = translation.get_language() or settings.LANGUAGE_CODE
    people = list(
        Registration.objects.accredited().filter(meeting=meeting).select_related("delegation")
    )
    people.sort(key=lambda person: un_order_key(person, language))
    return people


def registration_document_request(
    *, meeting, kind: str, language: str, user: User | None
) -> RegistrationDocument:
    document = RegistrationDocument.objects.create(
        meeting=meeting, kind=kind, language=language, requested_by=user
    )
    after_commit(render_registration_document.delay, document.pk)
    return document


def registration_document_render(*, document_id: int) -> RegistrationDocument:
    document = RegistrationDocument.objects.select_related("meeting").get(pk=document_id)
    if document.status == RegistrationDocument.Status.READY:
        return document
    meeting, language = document.meeting, document.language
    try:
        with translation.override(language):
            if document.kind == RegistrationDocument.Kind.BADGES:
                content = badges_pdf(
                    accredited_for_badges(meeting), meeting=meeting, language=language, sheet=True
                )
            else:
                public = participants_public(meeting, language)
                content = participants_pdf(
                    public.groups, meeting=meeting, language=language, unnamed=public.unnamed
                )
    except Exception as error:  # recorded on the row: the page shows it, asking again retries
        logger.exception("registration document %s failed", document.pk)
        RegistrationDocument.objects.filter(pk=document.pk).update(
            status=RegistrationDocument.Status.FAILED,
            error=str(error)[:500],
            finished_at=timezone.now(),
        )
        document.refresh_from_db()
        return document
    with transaction.atomic():
        document.file.save(
            f"documents/{meeting.pk}/{document.kind}-{language}-{document.pk}.pdf",
            ContentFile(content),
            save=False,
        )
        document.status = RegistrationDocument.Status.READY
        document.finished_at = timezone.now()
        document.error = ""
        document.save()
    return document


@shared_task(
    name="registration.render_document",
    acks_late=True,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=TIME_LIMIT,
)
def render_registration_document(document_id: int) -> str:
    return registration_document_render(document_id=document_id).status


# --- the secretariat's spreadsheets: everything logistics need


def export_columns() -> list[tuple[str, callable]]:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return [
        (_("Category"), lambda r: r.get_category_display()),
        (_("Delegation or organisation"), lambda r: affiliation_name(r, language)),
        (_("Title"), lambda r: r.get_title_display()),
        (_("Given name"), lambda r: r.given_name),
        (_("Family name"), lambda r: r.family_name),
        (_("Given name in Cyrillic"), lambda r: r.given_name_cyrillic),
        (_("Family name in Cyrillic"), lambda r: r.family_name_cyrillic),
        (_("Function"), lambda r: r.function),
        (_("Head of delegation"), lambda r: _("yes") if r.heads_delegation else ""),
        (_("E-mail"), lambda r: r.email),
        (_("Phone"), lambda r: r.phone),
        (_("Status"), lambda r: r.get_status_display()),
        (_("In the public list"), lambda r: _("yes") if r.consent_public_list else ""),
        (_("Photo"), lambda r: _("yes") if r.photo else ""),
        (
            _("Checked in"),
            lambda r: (
                timezone.localtime(r.checked_in_at).strftime("%Y-%m-%d %H:%M")
                if r.checked_in_at
                else ""
            ),
        ),
    ]


def _safe_cell(value: str) -> str:
    """A name starting with = + - @ would be a formula in a spreadsheet (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def registrations_csv(registrations: Iterable[Registration]) -> bytes:
    columns = export_columns()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(title) for title, _value in columns])
    for registration in registrations:
        writer.writerow([_safe_cell(str(value(registration))) for _title, value in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: Excel then reads UTF-8


def registrations_xlsx(registrations: Iterable[Registration]) -> bytes:
    columns = export_columns()
    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(_("Participants"))[:31])
    sheet.append([str(title) for title, _value in columns])
    for registration in registrations:
        sheet.append([_safe_cell(str(value(registration))) for _title, value in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
