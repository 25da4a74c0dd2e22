"""One job end to end on a real Celery worker and Redis (CI sets REDIS_URL and PostgreSQL)."""

import os
import signal
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


class Workers:
    """Starts `celery -A summit worker` processes on the test database and one queue of their
    own, as production starts them; publishing from the test goes to that queue too."""

    def __init__(self):
        db = connection.settings_dict
        self.queue = f"pdf-test-{os.getpid()}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            # pytest-django renamed the database to test_<name>: the worker must use that one.
            "DATABASE_URL": (
                f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}"
                f"/{db['NAME']}"
            ),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            # What the worker itself sends (a lost job, sent again) must reach this queue.
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            "READ_DOT_ENV": "0",
        }
        self.processes: list[subprocess.Popen] = []

    def start(self, hostname: str = "") -> subprocess.Popen:
        name = ["--hostname", hostname] if hostname else []
        process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "summit", "worker",
                "--pool=solo", "--concurrency=1", "--without-gossip", "--without-mingle",
                "--without-heartbeat", "--loglevel=WARNING", "-Q", self.queue, *name,
            ],
            cwd=Path(settings.BASE_DIR),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.processes.append(process)
        return process

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def workers(transactional_db, monkeypatch):
    from summit.celery import app

    workers = Workers()
    # Tests run tasks eagerly (tests/settings.py); these publish for real, to their queue.
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "task_default_queue", workers.queue)
    monkeypatch.setitem(app.conf, "task_routes", {"pdfs.*": {"queue": workers.queue}})
    _reset_broker_connections(app)
    yield workers
    workers.stop_all()
    monkeypatch.undo()
    _reset_broker_connections(app)


@pytest.fixture
def worker(workers):
    return workers.start()


def _wait_for(job, statuses, *, seconds, process=None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        job.refresh_from_db()
        if job.status in statuses:
            return
        time.sleep(0.1)


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


def test_a_worker_killed_mid_render_picks_its_job_up_when_it_starts_again(workers, secretariat):
    from drafts.services import revision_publish
    from tests.pdfs.conftest import make_long_revision

    # Long enough to be caught while rendering.
    revision = revision_publish(revision=make_long_revision(240), user=secretariat)
    hostname = f"celery@kill-test-{os.getpid()}"
    first = workers.start(hostname)
    job = pdf_job_request(revision=revision, language="ru", user=None)
    _wait_for(job, {PdfJob.Status.RENDERING, PdfJob.Status.READY}, seconds=WORKER_DEADLINE)
    assert job.status == PdfJob.Status.RENDERING, "the render was over before it could be cut"

    first.send_signal(signal.SIGKILL)  # the whole worker, as when its container is killed
    first.wait(timeout=15)
    job.refresh_from_db()
    assert job.status == PdfJob.Status.RENDERING and job.worker == hostname

    restarted_at = time.monotonic()
    second = workers.start(hostname)
    _wait_for(job, {PdfJob.Status.READY, PdfJob.Status.FAILED}, seconds=60, process=second)
    if job.status != PdfJob.Status.READY:
        second.terminate()
        output = second.communicate(timeout=15)[0].decode(errors="replace")
        pytest.fail(f"the restarted worker did not finish the job ({job.status}):\n{output}")
    # Seconds, not the beat's minutes of the stale-job requeue.
    assert time.monotonic() - restarted_at < 45
    assert job.attempts == 2
    assert job.file.read().startswith(b"%PDF")
