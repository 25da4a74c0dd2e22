from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from drafts.access import check_revision_readable, revision_readable

from . import documents
from .models import PdfJob
from .permissions import JobAsked
from .selectors import pdf_job_message, pdf_job_payload
from .services import pdf_job_request


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _readable_job(request, pk: int) -> PdfJob:
    job = get_object_or_404(PdfJob.objects.select_related("revision__document"), pk=pk)
    check_revision_readable(request.user, job.revision)
    return job


@require_POST
def pdf_request(request, slug: str, number: int, language: str):
    revision = revision_readable(request.user, slug=slug, number=number)
    if language not in documents.available_languages():
        raise Http404
    user = request.user if request.user.is_authenticated else None
    job = pdf_job_request(revision=revision, language=language, user=user)
    if _wants_json(request):
        return JsonResponse(pdf_job_payload(job, user=user), status=200 if job.is_ready else 202)
    if job.is_ready:
        return redirect("pdf_job_download", pk=job.pk)
    level = messages.ERROR if job.status == PdfJob.Status.FAILED else messages.INFO
    messages.add_message(request, level, pdf_job_message(job))
    return redirect(revision.get_absolute_url())


@require_GET
def pdf_job_status(request, pk: int):
    """The job for its requesters (the key of the status URL they were given) and the
    secretariat, by the same rule as the API; 404 for anyone else: job ids are sequential."""
    job = _readable_job(request, pk)
    asked = JobAsked(job=job, key=request.GET.get("key", "")[:200])
    if not request.user.has_perm("pdfs.view_pdf_job", asked):
        raise Http404
    user = request.user if request.user.is_authenticated else None
    return JsonResponse(pdf_job_payload(job, user=user))


@require_GET
def pdf_job_download(request, pk: int):
    job = _readable_job(request, pk)
    if not job.is_ready:
        raise Http404
    response = FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=documents.pdf_filename(job.revision, job.language),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
