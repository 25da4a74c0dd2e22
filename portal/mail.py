"""Mail, the one way: rendered in the recipient's language, sent as plain data.

`mail_render` turns `<prefix>_subject.txt`, `<prefix>_message.txt` (and `.html` when there
is one) into a dict that a Celery task can carry, so one-time links are rendered once and a
retried task sends the same message; `mail_send` sends such dicts over one connection.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.test.utils import override_settings
from django.utils import translation

# "headers" (a dict), when there is one, is added to the message's own (List-Unsubscribe).
Mail = dict[str, str | list[str] | dict[str, str] | None]


def mail_render(*, template_prefix: str, to: str, context: dict, language: str) -> Mail:
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


def _message(mail: Mail, connection=None) -> EmailMultiAlternatives:
    language = mail.get("language")
    headers = {"Content-Language": language} if language else {}
    headers.update(mail.get("headers") or {})
    message = EmailMultiAlternatives(
        mail["subject"],
        mail["body"],
        settings.DEFAULT_FROM_EMAIL,
        mail["to"],
        headers=headers or None,
        connection=connection,
    )
    if mail.get("html"):
        message.attach_alternative(mail["html"], "text/html")
    return message


def mail_send(*mails: Mail) -> int:
    """Send the rendered mails over one connection; the number sent."""
    connection = get_connection()
    return connection.send_messages([_message(mail, connection) for mail in mails]) or 0


@contextmanager
def mail_discarded() -> Iterator[None]:
    """Every mail sent inside goes nowhere, whoever sends it (a service, a task run eagerly,
    allauth): for work that writes as users would but that nobody must be told of."""
    # override_settings is a plain settings swap that also works outside tests; the backend is
    # read at each get_connection(), so nothing holds the old one.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        yield
