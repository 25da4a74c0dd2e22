"""Where Celery's autodiscovery finds drafts' tasks. Each is defined beside its service
(drafts/services/notifications.py), so that a service sends it without importing this module."""

from .services.notifications import notify_revision_published  # noqa: F401  (registers it)
