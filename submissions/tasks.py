"""Where Celery's autodiscovery finds the submissions' task, defined beside its service."""

from .services import compile_call  # noqa: F401  (registered with Celery by being imported here)
