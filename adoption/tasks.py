"""Where Celery's autodiscovery finds adoption's tasks. Each is defined beside its service
(adoption/services.py), so that a service sends it without importing this module."""

from .services import notify_document_adopted  # noqa: F401  (registers it)
