"""Where Celery's autodiscovery finds the register's tasks. Each is defined beside its service
(register/services.py), so that a service sends it without importing this module."""

from .services import extract_text_task  # noqa: F401  (registers it)
