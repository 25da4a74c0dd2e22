"""Where Celery's autodiscovery finds pdfs' tasks. They are defined beside their services
(pdfs/services.py), so that a service sends a task without importing this module back."""

from celery.signals import worker_ready

from .services import (  # noqa: F401  (registered with Celery by being imported here)
    SOFT_TIME_LIMIT,
    TIME_LIMIT,
    pdf_jobs_requeue_orphaned,
    render_pdf_job,
    requeue_stale_pdf_jobs,
)


@worker_ready.connect
def requeue_what_this_worker_lost(sender, **kwargs) -> None:
    """A worker killed as a whole (not one pool child, which Celery redelivers at once) leaves
    its jobs "rendering"; when it starts again under the same name it sends them again."""
    pdf_jobs_requeue_orphaned(worker=sender.hostname)
