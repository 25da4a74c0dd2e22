"""Telling the delegates that a revision is published, in their language, once."""

from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from portal.mail import mail_render, mail_send
from portal.tasks import after_commit

from ..models import Revision
from ..tasks import notify_revision_published


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
