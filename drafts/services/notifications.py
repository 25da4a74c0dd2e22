"""Telling the apps above drafts that a revision is published. Who is mailed, when and in
which language is theirs to decide (subscriptions mails the revision's followers, delegates
by default); drafts keeps `Revision.notified_at`, which they set once the notice has gone,
and the document page's "notify the delegates" button, which announces the revision again."""

from celery import shared_task

from portal.tasks import after_commit

from ..models import Revision
from ..signals import revision_published


def revision_announce(revision: Revision) -> None:
    """Send `revision_published` now (the receivers are idempotent: announcing a revision
    twice tells nobody twice)."""
    revision_published.send(sender=Revision, revision=revision)


def revision_notify_on_commit(*, revision: Revision) -> None:
    """Announce the revision once the publication is committed. A failure of a receiver (a
    broker outage) must not turn a successful publication into an error page: it is logged,
    the revision keeps notified_at empty, and the document page offers to notify again."""
    after_commit(revision_announce, revision)


# A notice queued under this name before the mail moved to subscriptions still runs.
@shared_task(name="drafts.tasks.notify_revision_published", soft_time_limit=60, time_limit=90)
def notify_revision_published(revision_id: int, base_url: str = "") -> None:
    revision = Revision.objects.select_related("document").filter(pk=revision_id).first()
    if revision is not None and revision.is_published:
        revision_announce(revision)
