import hashlib
import logging
import time
from datetime import timedelta

from billiard.exceptions import SoftTimeLimitExceeded
from celery import shared_task
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from kombu.exceptions import KombuError
from redis.exceptions import RedisError

from accounts.models import User
from drafts.access import may_read_revision
from drafts.models import Revision
from portal.tasks import after_commit
from typesetting.pdf import render_pdf

from . import documents
from .models import PdfJob

logger = logging.getLogger(__name__)

# Hard limits: WeasyPrint on a hostile or huge input must not hold a worker forever. The
# worker is also recycled (`--max-tasks-per-child`, see the Makefile) because WeasyPrint
# keeps memory between documents.
SOFT_TIME_LIMIT = 90
TIME_LIMIT = 120
# A job still rendering after this long lost its worker (the task's hard limit is shorter).
RENDERING_STALE_AFTER = timedelta(minutes=4)
# A job that could not be handed to the broker is retried by the beat task after this long.
PENDING_STALE_AFTER = timedelta(minutes=1)
# A queued message may be lost if Redis restarts without persistence; the task is idempotent.
QUEUED_STALE_AFTER = timedelta(minutes=30)
REQUEUE_BATCH = 100

# What publishing raises when Redis is down or unreachable: kombu wraps most of it in
# OperationalError (a KombuError); the rest comes straight from redis-py or the socket.
BROKER_ERRORS = (KombuError, RedisError, OSError)


class UnknownLanguage(ValueError):
    pass


def pdf_job_request(
    *, revision: Revision, language: str, user: User | None, enqueue: bool = True
) -> PdfJob:
    """The job for this revision in this language: the stored one, or a new one sent to Celery.

    The row is committed first and the task is sent after the commit, so a worker never
    looks for a job that is not there yet, and a broker failure leaves a pending row behind
    for the beat task instead of an error for the user. `enqueue=False` is for a caller
    that renders the job itself (the render_pdf command).
    """
    if language not in documents.available_languages():
        raise UnknownLanguage(language)
    if user is not None and not may_read_revision(user, revision):
        raise PermissionDenied
    with transaction.atomic():
        job, _created = PdfJob.objects.get_or_create(
            revision=revision,
            language=language,
            template_version=documents.template_version(),
            source_digest=documents.source_digest(revision, language),
            defaults={"requested_by": user if user and user.is_authenticated else None},
        )
        if job.status == PdfJob.Status.FAILED:
            # The retry button: the same row goes round again; nothing is duplicated.
            PdfJob.objects.filter(pk=job.pk, status=PdfJob.Status.FAILED).update(
                status=PdfJob.Status.PENDING, error="", finished_at=None
            )
            job.status = PdfJob.Status.PENDING
        if job.status == PdfJob.Status.PENDING and enqueue:
            after_commit(pdf_job_enqueue, job_id=job.pk)
    job.refresh_from_db()
    return job


def pdf_job_enqueue(*, job_id: int) -> bool:
    """Hand the job to Celery; on a broker failure record why and leave it pending."""
    try:
        render_pdf_job.delay(job_id)
    except BROKER_ERRORS as error:
        logger.warning("PDF job %s stays pending: broker unreachable (%s)", job_id, error)
        PdfJob.objects.filter(pk=job_id).update(
            enqueue_error=f"{type(error).__name__}: {error}"[:500]
        )
        return False
    # With eager tasks (or a fast worker) the job may already be past "queued".
    PdfJob.objects.filter(pk=job_id).update(
        status=Case(
            When(status=PdfJob.Status.PENDING, then=Value(PdfJob.Status.QUEUED)),
            default=F("status"),
        ),
        enqueued_at=timezone.now(),
        enqueue_error="",
    )
    return True


def pdf_job_render(*, job_id: int, task_id: str = "", worker: str = "") -> PdfJob:
    """Render the job's PDF and store it; idempotent, and every failure is recorded."""
    now = timezone.now()
    with transaction.atomic():
        job = PdfJob.objects.select_for_update().select_related("revision__document").get(pk=job_id)
        if job.status == PdfJob.Status.READY:
            return job
        # Another worker holds it, unless it died (stale) or this is the same message coming
        # back after its worker was lost (acks_late + reject_on_worker_lost redelivers it).
        if (
            job.status == PdfJob.Status.RENDERING
            and job.started_at
            and job.started_at > now - RENDERING_STALE_AFTER
            and not (task_id and task_id == job.task_id)
        ):
            return job
        job.status = PdfJob.Status.RENDERING
        job.started_at = now
        job.finished_at = None
        job.error = ""
        job.attempts += 1
        job.task_id = task_id
        job.worker = worker
        job.save(
            update_fields=[
                "status",
                "started_at",
                "finished_at",
                "error",
                "attempts",
                "task_id",
                "worker",
            ]
        )
    try:
        context = documents.revision_context(job.revision, job.language)
        html = documents.revision_html(context)
        started = time.perf_counter()
        rendered = render_pdf(html)
        seconds = time.perf_counter() - started
        sha256 = hashlib.sha256(rendered.content).hexdigest()
        name = (
            f"pdfs/{documents.pdf_filename(job.revision, job.language).removesuffix('.pdf')}"
            f"-{sha256[:16]}.pdf"
        )
        # The storage writes the file whole (AtomicFileSystemStorage, or an S3 upload); the
        # row points at it only after that, so a half-written file is never served.
        stored_name = job.file.storage.save(name, ContentFile(rendered.content))
    except SoftTimeLimitExceeded:
        return _fail(job, "The PDF took too long to render.")
    except Exception as error:
        logger.exception("PDF job %s failed", job.pk)
        return _fail(job, f"{type(error).__name__}: {error}")
    PdfJob.objects.filter(pk=job.pk).update(
        status=PdfJob.Status.READY,
        file=stored_name,
        sha256=sha256,
        pages=rendered.pages,
        render_seconds=seconds,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def _fail(job: PdfJob, reason: str) -> PdfJob:
    PdfJob.objects.filter(pk=job.pk).update(
        status=PdfJob.Status.FAILED, error=reason[:2000], finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def pdf_jobs_requeue_orphaned(*, worker: str) -> int:
    """Send again the jobs `worker` was rendering: called when that node (re)starts, so it is
    rendering nothing and they died with its previous process. Each goes back to pending
    first, so that the new message may take it; the old one, should Redis still redeliver it,
    finds the job taken or done and leaves it (pdf_job_render), never rendering it twice."""
    if not worker:
        return 0
    orphaned = list(
        PdfJob.objects.filter(status=PdfJob.Status.RENDERING, worker=worker).values_list(
            "pk", flat=True
        )
    )
    PdfJob.objects.filter(pk__in=orphaned, status=PdfJob.Status.RENDERING, worker=worker).update(
        status=PdfJob.Status.PENDING, worker=""
    )
    for job_id in orphaned:
        logger.warning("PDF job %s was lost with worker %s: sent again", job_id, worker)
        pdf_job_enqueue(job_id=job_id)
    return len(orphaned)


def pdf_jobs_requeue_stale() -> int:
    """Send again the jobs the broker never got, lost, or whose worker died."""
    now = timezone.now()
    stale = (
        PdfJob.objects.filter(
            Q(status=PdfJob.Status.PENDING, created_at__lt=now - PENDING_STALE_AFTER)
            | Q(status=PdfJob.Status.QUEUED, enqueued_at__lt=now - QUEUED_STALE_AFTER)
            | Q(status=PdfJob.Status.RENDERING, started_at__lt=now - RENDERING_STALE_AFTER)
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:REQUEUE_BATCH]
    )
    sent = 0
    for job_id in list(stale):
        if not pdf_job_enqueue(job_id=job_id):
            break  # the broker is still down; the next beat tries again
        sent += 1
    return sent


# The tasks live beside the services they call (as pretix keeps them), so that sending one
# needs no import back from a tasks module; pdfs/tasks.py names them for Celery's discovery.
@shared_task(
    bind=True,
    name="pdfs.render_pdf_job",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=TIME_LIMIT,
)
def render_pdf_job(self, job_id: int) -> str:
    job = pdf_job_render(
        job_id=job_id, task_id=self.request.id or "", worker=self.request.hostname or ""
    )
    return job.status


@shared_task(name="pdfs.requeue_stale_pdf_jobs", soft_time_limit=60, time_limit=90)
def requeue_stale_pdf_jobs() -> int:
    return pdf_jobs_requeue_stale()
