"""Writes around accounts: outgoing mail in the recipient's language, profile changes."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from .models import User


def language_for_email(email: str, *, default: str | None = None) -> str:
    """The recipient's interface language when they have an account, else `default`."""
    language = User.objects.filter(email__iexact=email).values_list("language", flat=True).first()
    return language or default or settings.LANGUAGE_CODE


def email_render(
    *, template_prefix: str, to: str, context: dict, language: str
) -> dict[str, str | list[str] | None]:
    """Render `<prefix>_subject.txt`, `<prefix>_message.txt` (and `.html` if present) in
    `language`, as a plain dict a Celery task can carry."""
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_message.txt", context).strip()
        try:
            html = render_to_string(f"{template_prefix}_message.html", context).strip()
        except TemplateDoesNotExist:  # a text-only mail
            html = None
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "") or ""
    subject = prefix + " ".join(subject.splitlines()).strip()
    return {"to": [to], "subject": subject, "body": body, "html": html, "language": language}


def email_send(
    *, to: list[str], subject: str, body: str, html: str | None = None, language: str = ""
) -> None:
    message = EmailMultiAlternatives(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        to,
        headers={"Content-Language": language} if language else None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


def email_enqueue(*, template_prefix: str, to: str, context: dict, language: str) -> None:
    """Render now (the context holds a request and live objects), send from a Celery task
    once the surrounding transaction commits, so a rolled-back write mails nobody."""
    from .tasks import send_email

    payload = email_render(
        template_prefix=template_prefix, to=to, context=context, language=language
    )
    send_email.delay_on_commit(**payload)


def user_mark_dashboard_seen(*, user: User) -> None:
    """Answers that arrive after this moment are "new" on the person's next visit."""
    from django.utils import timezone

    user.dashboard_seen_at = timezone.now()
    User.objects.filter(pk=user.pk).update(dashboard_seen_at=user.dashboard_seen_at)
