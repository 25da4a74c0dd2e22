"""Where Celery's autodiscovery finds search's task, defined beside its service."""

from .services import index_stale_task  # noqa: F401  (registers it)
