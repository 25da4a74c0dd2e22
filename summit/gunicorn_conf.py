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
# Longer than any proxy's or load balancer's idle timeout to us (nginx 60 s, cloud balancers
# 60 s): the side that closes an idle connection first must be the client, or a request sent
# on it just as we close it is reset (the session-day load test found them at 5 s). An idle
# connection costs a socket in the poller, not a thread.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# Recycling workers bounds the memory of a long-running process (WeasyPrint, lxml caches).
# Each recycling closes the worker's idle keep-alive connections: a client that sent its next
# request on one at that moment gets a reset (the session-day load test, docs/benchmarks.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
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
