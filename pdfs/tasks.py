from celery import shared_task
from celery.signals import worker_ready

from . import services

# Hard limits: WeasyPrint on a hostile or huge input must not hold a worker forever. The
# worker is also recycled (`--max-tasks-per-child`, see the Makefile) because WeasyPrint
# keeps memory between documents.
SOFT_TIME_LIMIT = 90
TIME_LIMIT = 120


@shared_task(
    bind=True,
    name="pdfs.render_pdf_job",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=TIME_LIMIT,
)
def render_pdf_job(self, job_id: int) -> str:
    job = services.pdf_job_render(
        job_id=job_id, task_id=self.request.id or "", worker=self.request.hostname or ""
    )
    return job.status


@shared_task(name="pdfs.requeue_stale_pdf_jobs", soft_time_limit=60, time_limit=90)
def requeue_stale_pdf_jobs() -> int:
    return services.pdf_jobs_requeue_stale()


@worker_ready.connect
def requeue_what_this_worker_lost(sender, **kwargs) -> None:
    """A worker killed as a whole (not one pool child, which Celery redelivers at once) leaves
    its jobs "rendering"; when it starts again under the same name it sends them again."""
    services.pdf_jobs_requeue_orphaned(worker=sender.hostname)
