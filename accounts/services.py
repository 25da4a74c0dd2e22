"""Writes around accounts: outgoing mail in the recipient's language, profile changes."""

from django.conf import settings
from django.utils import timezone

from portal.mail import mail_render
from portal.tasks import after_commit

from .models import User
from .tasks import send_email


def language_for_email(email: str, *, default: str | None = None) -> str:
    """The recipient's interface language when they have an account, else `default`."""
    language = User.objects.filter(email__iexact=email).values_list("language", flat=True).first()
    return language or default or settings.LANGUAGE_CODE


def email_enqueue(*, template_prefix: str, to: str, context: dict, language: str) -> None:
    """Render now (the context holds a request and live objects), send from a Celery task
    once the surrounding transaction commits, so a rolled-back write mails nobody."""
    mail = mail_render(template_prefix=template_prefix, to=to, context=context, language=language)
    after_commit(send_email.delay, **mail)


def user_mark_dashboard_seen(*, user: User) -> None:
    """Answers that arrive after this moment are "new" on the person's next visit."""
    user.dashboard_seen_at = timezone.now()
    User.objects.filter(pk=user.pk).update(dashboard_seen_at=user.dashboard_seen_at)
