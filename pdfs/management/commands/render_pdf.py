import shutil
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from drafts.models import Revision
from pdfs import documents
from pdfs.models import PdfJob
from pdfs.services import pdf_job_render, pdf_job_request
from pdfs.tasks import TIME_LIMIT


class Command(BaseCommand):
    help = (
        "Render a revision's PDF through the same job path as the portal (reusing the stored "
        "file when the same input was rendered before) and write it to a file."
    )

    def add_arguments(self, parser):
        parser.add_argument("symbol", help="document symbol, e.g. RES-2026/DECL/DRAFT")
        parser.add_argument("--revision", type=int, required=True, help="revision number")
        parser.add_argument(
            "--lang", default=settings.LANGUAGE_CODE, choices=documents.available_languages()
        )
        parser.add_argument("-o", "--output", required=True, help="file to write the PDF to")

    def handle(self, *args, symbol, revision, lang, output, **options):
        try:
            revision_obj = Revision.objects.select_related("document__summit").get(
                document__symbol=symbol, number=revision
            )
        except Revision.DoesNotExist as error:
            raise CommandError(f"No revision {revision} of {symbol}.") from error
        # Secretariat scripts run without a user: the job is recorded as nobody's request.
        job = pdf_job_request(revision=revision_obj, language=lang, user=None, enqueue=False)
        if job.status in (PdfJob.Status.PENDING, PdfJob.Status.QUEUED, PdfJob.Status.FAILED):
            # Render here rather than wait for a worker: the caller wants the file now. The
            # job row and the stored file are the same ones a worker would have produced.
            job = pdf_job_render(job_id=job.pk, task_id=f"render_pdf-{job.pk}")
        deadline = time.monotonic() + TIME_LIMIT
        while job.status == PdfJob.Status.RENDERING and time.monotonic() < deadline:
            time.sleep(1)  # a worker holds the job; its time limit bounds the wait
            job.refresh_from_db()
        if job.status != PdfJob.Status.READY:
            raise CommandError(f"Rendering failed: {job.error or job.get_status_display()}")
        with job.file.open("rb") as source, open(output, "wb") as target:
            shutil.copyfileobj(source, target)
        self.stdout.write(f"{output}: {job.pages} pages, sha256 {job.sha256}")
