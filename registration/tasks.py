"""Where Celery's autodiscovery finds registration's tasks. They are defined beside their
services (registration/documents.py, retention.py), so a service sends a task without
importing this module back."""

from .documents import render_badge, render_registration_document  # noqa: F401
from .retention import erase_personal_data  # noqa: F401
