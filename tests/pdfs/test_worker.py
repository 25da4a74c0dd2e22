"""One job end to end on a real Celery worker and Redis (CI sets REDIS_URL and PostgreSQL)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from pdfs.models import PdfJob
from pdfs.services import pdf_job_request
from tests.pdfs.conftest import _reset_broker_connections

WORKER_DEADLINE = 60  # seconds for the worker to start and render one small PDF

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.skipif(
        not settings.REDIS_URL, reason="needs REDIS_URL: a real Celery worker runs on Redis"
    ),
    pytest.mark.skipif(
        not settings.IS_POSTGRES,
        reason="needs PostgreSQL: the worker process must see the test database",
    ),
]


@pytest.fixture
def worker(transactional_db, monkeypatch):
    """A `celery -A summit worker` on the test database, and publishing switched to Redis."""
    from summit.celery import app

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        # pytest-django renamed the database to test_<name>: the worker must use that one.
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "READ_DOT_ENV": "0",
    }
    queue = f"pdf-test-{os.getpid()}"
    process = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "summit", "worker",
            "--pool=solo", "--concurrency=1", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "--loglevel=WARNING", "-Q", queue,
        ],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    # Tests run tasks eagerly (tests/settings.py); this one publishes for real, to its queue.
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "task_default_queue", queue)
    monkeypatch.setitem(app.conf, "task_routes", {"pdfs.*": {"queue": queue}})
    _reset_broker_connections(app)
    yield process
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    monkeypatch.undo()
    _reset_broker_connections(app)


def test_a_real_worker_renders_a_job_end_to_end(worker, published_revision):
    job = pdf_job_request(revision=published_revision, language="ru", user=None)
    assert job.status in (PdfJob.Status.QUEUED, PdfJob.Status.RENDERING, PdfJob.Status.READY)

    deadline = time.monotonic() + WORKER_DEADLINE
    while time.monotonic() < deadline and worker.poll() is None:
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.5)

    if not job.is_finished:
        worker.terminate()
        output = worker.communicate(timeout=15)[0].decode(errors="replace")
        pytest.fail(f"the worker did not finish the job ({job.status}):\n{output[-3000:]}")
    assert job.status == PdfJob.Status.READY, job.error
    assert job.task_id  # set by the worker, not by an eager call in this process
    assert job.file.read().startswith(b"%PDF")
