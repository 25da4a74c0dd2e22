from celery import shared_task

from .models import Revision


@shared_task(soft_time_limit=120, time_limit=180, acks_late=True)
def notify_revision_published(revision_id: int, base_url: str = "") -> int:
    """Tell the delegates about a published revision. Idempotent: a retried or duplicated
    task finds `notified_at` set and sends nothing; a failure is recorded on the revision."""
    # Here, not at the top: drafts.services sends this task, so it imports this module.
    from .services.notifications import revision_notify_delegates

    revision = Revision.objects.select_related("document").filter(pk=revision_id).first()
    if revision is None:
        return 0
    try:
        return revision_notify_delegates(revision=revision, base_url=base_url)
    except Exception as error:
        Revision.objects.filter(pk=revision_id).update(notify_error=repr(error)[:2000])
        raise
