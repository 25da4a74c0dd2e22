"""Telling the delegates that a revision is published, in their language, once."""

from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from delegations.models import Delegation
from portal.mail import mail_render, mail_send
from portal.tasks import after_commit

from ..models import (
    Adoption,
    Revision,
)
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


def adoption_notify_delegations(*, adoption: Adoption, base_url: str = "") -> int:
    """E-mail the members of every delegation that commented on the adopted document, each
    in their own language, once."""
    if adoption.notified_at is not None:
        return 0
    document = adoption.document
    # Through the comments' relation, not their model: drafts sits below the consultation
    # (once adoption is an app above both, it can ask consultation.models.Comment).
    delegations = Delegation.objects.filter(comments__revision__document=document).values("pk")
    recipients = User.objects.filter(
        is_active=True, membership__delegation__in=delegations
    ).exclude(email="")
    mails = []
    for recipient in recipients:
        with translation.override(recipient.language):
            path = reverse("document_adopted", args=[document.slug])
        mails.append(
            mail_render(
                template_prefix="drafts/email/document_adopted",
                to=recipient.email,
                context={
                    "adoption": adoption,
                    "document": document,
                    "recipient": recipient,
                    "url": base_url.rstrip("/") + path,
                },
                language=recipient.language,
            )
        )
    sent = mail_send(*mails)
    Adoption.objects.filter(pk=adoption.pk).update(notified_at=timezone.now())
    return sent
