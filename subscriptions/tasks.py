"""Where Celery's autodiscovery finds the subscriptions' tasks, defined beside their services."""

from .services import deliver_event, deliver_pending, send_digests  # noqa: F401  (registers them)
