from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from drafts.access import may_read_revision
from drafts.models import Revision

from . import documents
from .models import PdfJob
from .permissions import pdf_job_requester_key


def pdf_job_current(*, revision: Revision, language: str) -> PdfJob | None:
    """The job for what the revision prints now in this language, if anyone asked for it."""
    return PdfJob.objects.filter(
        revision=revision,
        language=language,
        template_version=documents.template_version(),
        source_digest=documents.source_digest(revision, language),
    ).first()


def pdf_job_message(job: PdfJob) -> str:
    if job.status == PdfJob.Status.PENDING and job.enqueue_error:
        return _(
            "The PDF service is unavailable right now. Your request is saved and the PDF "
            "will be generated automatically in a few minutes."
        )
    return {
        PdfJob.Status.PENDING: _("Waiting to be queued…"),
        PdfJob.Status.QUEUED: _("Queued: the PDF will be generated shortly…"),
        PdfJob.Status.RENDERING: _("Generating the PDF…"),
        PdfJob.Status.READY: _("The PDF is ready."),
        PdfJob.Status.FAILED: _("The PDF could not be generated."),
    }[job.status]


def pdf_job_payload(job: PdfJob, *, user: User | None) -> dict[str, Any]:
    """The job's state as the status endpoint (and the API) returns it, to `user`: its status
    URL carries their requester key, without which the status is a 404 (pdfs.permissions)."""
    key = pdf_job_requester_key(job, user)
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "message": pdf_job_message(job),
        "error": job.error if job.status == PdfJob.Status.FAILED else "",
        "language": job.language,
        "revision": str(job.revision),
        "pages": job.pages,
        "sha256": job.sha256 or None,
        "created_at": job.created_at.isoformat() if job.created_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "status_url": f"{reverse('pdf_job_status', args=[job.pk])}?key={key}",
        "download_url": reverse("pdf_job_download", args=[job.pk]) if job.is_ready else None,
    }


def pdf_block_entries(*, revision: Revision, user: User) -> list[dict[str, Any]]:
    """One entry per language for the revision page's PDF block (none if it may not be read)."""
    if not may_read_revision(user, revision):
        return []
    entries = []
    for language in documents.available_languages():
        job = pdf_job_current(revision=revision, language=language)
        entries.append(
            {
                "language": language,
                "job": job,
                "payload": pdf_job_payload(job, user=user) if job else None,
                "request_url": reverse(
                    "pdf_request",
                    args=[revision.document.slug, revision.number, language],
                ),
            }
        )
    return entries
