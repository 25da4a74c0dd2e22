"""One log format for every process (Django, gunicorn, the Celery worker and beat)."""

import time

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter


class JsonFormatter(_JsonFormatter):
    """One JSON object per line, stamped in UTC with its zone (`2026-12-02T09:38:51.123Z`).

    Local time would change under a process's feet: Django sets TZ to TIME_ZONE when its
    settings load, so gunicorn's first lines and its later ones would disagree, without an
    offset to tell."""

    converter = time.gmtime
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"
