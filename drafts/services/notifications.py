"""Telling the delegates that a revision is published, in their language, once."""

from celery import shared_task
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from portal.mail import mail_render, mail_send
from portal.tasks import after_commit

from ..models import Revision


def revision_notify_on_commit(*, revision: Revision, base_url: str = "") -> None:
    """Queue the delegates' e-mail once the publication is committed. A broker outage must
    not turn a successful publication into an error page: the revision then keeps
    notified_at empty and the document page offers to notify again."""
    after_commit(notify_revision_published.delay, revision.pk, base_url)


def revision_notify_delegates(*, revision: Revision, base_url: str = "") -> int:
    """E-mail every active delegate about a newly published revision, each in their own
    language. Returns the number of e-mails sent; a revision is announced only once."""
    if revision.notified_at is not None or not revision.is_published:
        return 0
    recipients = User.objects.filter(is_active=True, membership__isnull=False).exclude(email="")
    mails = []
    for recipient in recipients:
        with translation.override(recipient.language):  # the link in their language too
            path = reverse("revision_detail", args=[revision.document.slug, revision.number])
        context = {
            "revision": revision,
            "document": revision.document,
            "recipient": recipient,
            "url": base_url.rstrip("/") + path,
        }
        mails.append(
            mail_render(
                template_prefix="drafts/email/revision_published",
                to=recipient.email,
                context=context,
                language=recipient.language,
            )
        )
    sent = mail_send(*mails)
    Revision.objects.filter(pk=revision.pk).update(notified_at=timezone.now(), notify_error="")
    return sent


# The task lives beside the service it calls (as pretix keeps them), so that sending it needs
# no import back from a tasks module. Its name is the one it had in drafts.tasks, so that a
# notice queued before the move still runs.
@shared_task(
    name="drafts.tasks.notify_revision_published",
    soft_time_limit=120,
    time_limit=180,
    acks_late=True,
)
def notify_revision_published(revision_id: int, base_url: str = "") -> int:
    """Tell the delegates about a published revision. Idempotent: a retried or duplicated
    task finds `notified_at` set and sends nothing; a failure is recorded on the revision."""
    revision = Revision.objects.select_related("document").filter(pk=revision_id).first()
    if revision is None:
        return 0
    try:
        return revision_notify_delegates(revision=revision, base_url=base_url)
    except Exception as error:
        Revision.objects.filter(pk=revision_id).update(notify_error=repr(error)[:2000])
        raise
