from celery import shared_task

from portal.mail import mail_send


@shared_task(
    name="accounts.send_email",
    autoretry_for=(OSError,),
    retry_backoff=30,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
)
def send_email(
    *, to: list[str], subject: str, body: str, html: str | None = None, language: str = ""
) -> None:
    """Carries an already rendered message: it holds one-time links that must not be
    regenerated, and nothing in the database describes it."""
    mail_send({"to": to, "subject": subject, "body": body, "html": html, "language": language})
