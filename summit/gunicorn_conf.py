"""Gunicorn settings for the container (`gunicorn -c python:summit.gunicorn_conf`).

Sizes come from the environment so that one image fits any machine; logs go to stdout as
JSON lines like the portal's own (LOG_FORMAT=text for plain lines).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Page renders are short; PDFs are made by the Celery worker, never inside a request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycling workers bounds the memory of a long-running process (WeasyPrint, lxml caches).
max_requests = 1000
max_requests_jitter = 100
# The heartbeat file must live in memory: a container's overlay disk can stall it.
worker_tmp_dir = "/dev/shm"
# The reverse proxy in front sets X-Forwarded-Proto; only the compose network reaches us.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")
accesslog = "-"
errorlog = "-"
control_socket_disable = True

_json = os.environ.get("LOG_FORMAT", "json") == "json"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "portal.logs.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json" if _json else "text",
            "stream": "ext://sys.stdout",
        }
    },
    # Gunicorn merges this over its own defaults, whose root logger names a handler of theirs.
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
