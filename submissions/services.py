"""Calls for written inputs: opened by the secretariat, answered by heads of delegation until
the deadline, published after it as one MISC document of the register.

The compilation is a Celery task beside its service (`compile_call`, sent after commit); it
records failure on the call (`publish_status`, `publish_error`), and running it twice issues
one document.
"""

import hashlib
import logging
from datetime import datetime
from io import BytesIO

from celery import shared_task
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from delegations.permissions import membership_of
from portal.languages import language_codes
from portal.tasks import after_commit
from portal.templatetags.zones import zone_name
from portal.text import clean_plain_text, written_language
from programme.models import Meeting
from register.models import Series
from register.services import document_issue
from register.uploads import PDF_MAGIC, pdf_opens
from typesetting.pdf import html_to_pdf

from .models import SUBJECT_MAX_LENGTH, TEXT_MAX_LENGTH, Call, Submission
from .permissions import may_submit
from .selectors import delegation_name, submissions_in_list_order
from .signals import call_opened, call_published

logger = logging.getLogger(__name__)

FILE_MAX_BYTES = 20 * 1024 * 1024
SOFT_TIME_LIMIT = 300
TIME_LIMIT = 360


def deadline_display(deadline: datetime) -> str:
    """ "10 March 2026, 18:00 (Almaty, UTC+5)": in the summit's time, named as people name it."""
    zone = timezone.get_default_timezone()
    local = timezone.localtime(deadline, zone)
    when = formats.date_format(local, "j E Y, H:i")
    return f"{when} ({zone_name(zone)})"


class DeadlinePassed(ValidationError):
    def __init__(self, call: Call):
        super().__init__(
            _("The deadline was %(deadline)s: submissions are no longer accepted.")
            % {"deadline": deadline_display(call.deadline)},
            code="deadline_passed",
        )
        self.call = call


# --- opening a call


@transaction.atomic
def call_open(
    *,
    meeting: Meeting,
    by: User,
    deadline: datetime,
    who: str,
    subject: str = "",
    language: str | None = None,
    subjects: dict[str, str] | None = None,
) -> Call:
    """Open a call on `meeting`. The subject is given once (`subject`, in `language`, the
    author's by default) or per language (`subjects`: {"ru": ..., "en": ...})."""
    if not by.has_perm("submissions.open_call"):
        raise PermissionDenied
    texts = {code: (subjects or {}).get(code, "") for code in language_codes()}
    if subject:
        texts[written_language(language)] = subject
    texts = {
        code: clean_plain_text(
            text, field="subject", required=False, max_length=SUBJECT_MAX_LENGTH
        ).replace("\n", " ")
        for code, text in texts.items()
    }
    if not any(texts.values()):
        raise ValidationError({"subject": _("Give the subject of the call.")})
    if deadline is None or timezone.is_naive(deadline):
        raise ValidationError({"deadline": _("The deadline needs a date, a time and a zone.")})
    if deadline <= timezone.now():
        raise ValidationError({"deadline": _("The deadline must be in the future.")})
    if who not in Call.Who.values:
        raise ValidationError({"who": _("Choose who may submit.")})
    call = Call(meeting=meeting, deadline=deadline, who=who, opened_by=by)
    for code, text in texts.items():
        setattr(call, f"subject_{code}", text)
    call.full_clean(exclude=["opened_by"])
    call.save()
    after_commit(call_opened.send, sender=Call, call=call)
    return call


# --- submitting


def pdf_clean(upload) -> ContentFile:
    """A PDF by its content: the header within the first kilobyte, at most 20 MB, and pypdf
    can read its pages. A PNG renamed .pdf is refused whatever its name or declared type."""
    too_big = _("The file may be at most 20 MB.")
    not_pdf = _("The file must be a PDF document.")
    if getattr(upload, "size", None) is not None and upload.size > FILE_MAX_BYTES:
        raise ValidationError({"file": too_big}, code="too_big")
    upload.seek(0)
    data = upload.read(FILE_MAX_BYTES + 1)
    if len(data) > FILE_MAX_BYTES:
        raise ValidationError({"file": too_big}, code="too_big")
    if PDF_MAGIC not in data[:1024]:
        raise ValidationError({"file": not_pdf}, code="not_pdf")
    if not pdf_opens(BytesIO(data)):
        raise ValidationError({"file": not_pdf}, code="not_pdf")
    digest = hashlib.sha256(data).hexdigest()[:16]
    return ContentFile(data, name=f"{digest}.pdf")


def _receipt_number(call: Call) -> str:
    # The call's row is locked (submission_submit): the count cannot change under us, and
    # submissions are never deleted, so the numbers run without a gap or a repeat.
    sequence = Submission.objects.filter(call=call).count() + 1
    return f"{call.meeting.summit.acronym}-SUB-{call.pk}-{sequence:04d}"


@transaction.atomic
def submission_submit(
    *,
    call: Call,
    user: User,
    text: str,
    file=None,
    remove_file: bool = False,
    language: str | None = None,
) -> Submission:
    """The head's submission for their delegation: the first one gets a receipt number, a
    second one replaces it (same number, `replaced_at` set; the earlier text and file stay in
    its history). Refused after the deadline, naming it, and to a delegation the call does
    not take. A new `file` replaces the PDF; without one the PDF stays unless `remove_file`."""
    if not may_submit(user, call):
        raise PermissionDenied(_("Only a head of a delegation this call is open to may submit."))
    # Lock the call: the deadline and the numbering are judged against committed rows.
    call = Call.objects.select_for_update().select_related("meeting__summit").get(pk=call.pk)
    now = timezone.now()
    if not call.is_open(now):
        raise DeadlinePassed(call)
    delegation = membership_of(user).delegation
    text = clean_plain_text(text, field="text", required=True, max_length=TEXT_MAX_LENGTH)
    stored = pdf_clean(file) if file else None
    submission = Submission.objects.filter(call=call, delegation=delegation).first()
    if submission is None:
        submission = Submission(
            call=call, delegation=delegation, number=_receipt_number(call), submitted_at=now
        )
        submission._change_reason = "submitted"
    else:
        submission.replaced_at = now
        submission._change_reason = "replaced"
    submission.text = text
    submission.language = written_language(language)
    submission.submitted_by = user
    submission.updated_at = now
    if stored is not None:
        # A new name each time (the content's digest): the earlier file stays for the history.
        submission.file.save(f"submissions/{call.pk}/{delegation.pk}-{stored.name}", stored, False)
        submission.file_size = stored.size
    elif remove_file:
        submission.file = ""
        submission.file_size = 0
    submission.save()
    return submission


# --- publishing


@transaction.atomic
def call_publish(*, call: Call, by: User, base_url: str) -> Call:
    """Ask for the compilation (secretariat, after the deadline); the task issues the MISC
    document. `base_url` (the site's root) makes the links to the original PDFs absolute."""
    if not by.has_perm("submissions.publish", call):
        raise PermissionDenied
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.is_open():
        raise ValidationError(
            _("The call is open until %(deadline)s: publish it after its deadline.")
            % {"deadline": deadline_display(call.deadline)}
        )
    if call.publish_status in (Call.PublishStatus.QUEUED, Call.PublishStatus.DONE):
        raise ValidationError(_("The submissions are already published or being compiled."))
    call.publish_status = Call.PublishStatus.QUEUED
    call.publish_error = ""
    call.published_by = by
    call.save(update_fields=["publish_status", "publish_error", "published_by"])
    after_commit(compile_call.delay, call.pk, base_url)
    return call


def compilation_pdf(call: Call, *, language: str, base_url: str) -> bytes:
    """The call's submissions as one PDF in `language`: each under its delegation's name, in
    the order of the list of participants, the original PDF linked."""
    base = base_url.rstrip("/")
    with translation.override(language):
        entries = [
            {
                "delegation": delegation_name(s.delegation, language),
                "submission": s,
                "file_url": f"{base}{s.file_url()}" if s.file else "",
            }
            for s in submissions_in_list_order(call, language)
        ]
        html = render_to_string(
            "submissions/pdf/compilation.html",
            {
                "call": call,
                "meeting": call.meeting,
                "entries": entries,
                "language": language,
                "deadline": deadline_display(call.deadline),
                "date": timezone.localdate(),
            },
        )
    return html_to_pdf(html)


def call_compile(*, call_id: int, base_url: str) -> Call | None:
    """Compile and issue the MISC document (the task's one service). Idempotent: a call that
    has its document is left as it is. A failure is recorded on the call, not raised."""
    call = Call.objects.select_related("meeting__summit", "published_by").filter(pk=call_id).first()
    if call is None or call.document_id:
        return call
    try:
        files = {
            code: SimpleUploadedFile(
                f"submissions-{call.pk}-{code}.pdf",
                compilation_pdf(call, language=code, base_url=base_url),
                content_type="application/pdf",
            )
            for code in language_codes()
        }
        titles = {}
        for code in language_codes():
            with translation.override(code):
                subject = getattr(call, f"subject_{code}", "") or call.subject
                titles[f"title_{code}"] = _("Written submissions: %(subject)s") % {
                    "subject": subject
                }
        with transaction.atomic():
            document = document_issue(
                meeting=call.meeting,
                series=Series.MISC,
                files=files,
                by=call.published_by,
                **titles,
            )
            call.document = document
            call.publish_status = Call.PublishStatus.DONE
            call.publish_error = ""
            call.published_at = timezone.now()
            call.save(update_fields=["document", "publish_status", "publish_error", "published_at"])
            after_commit(call_published.send, sender=Call, call=call, document=document)
    except Exception as error:  # recorded on the call: its page shows it, publishing again retries
        logger.exception("compilation of call %s failed", call_id)
        Call.objects.filter(pk=call_id).update(
            publish_status=Call.PublishStatus.FAILED, publish_error=str(error)[:500]
        )
        call.refresh_from_db()
    return call


@shared_task(
    name="submissions.compile_call",
    acks_late=True,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=TIME_LIMIT,
)
def compile_call(call_id: int, base_url: str) -> str:
    call = call_compile(call_id=call_id, base_url=base_url)
    return call.publish_status if call is not None else "missing"
