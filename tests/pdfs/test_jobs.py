from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from pdfs import services
from pdfs.models import PdfJob
from pdfs.services import (
    pdf_job_render,
    pdf_job_request,
    pdf_jobs_requeue_stale,
)
from pdfs.storage import AtomicFileSystemStorage


def test_a_request_renders_the_pdf_once_and_stores_it(published_revision, on_commit):
    job = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)

    assert job.status == PdfJob.Status.READY
    assert job.file.read().startswith(b"%PDF")
    assert len(job.sha256) == 64
    assert job.attempts == 1
    assert job.render_seconds > 0
    assert job.enqueued_at and job.started_at and job.finished_at


def test_asking_again_returns_the_stored_file_without_rendering(
    published_revision, on_commit, monkeypatch
):
    first = on_commit(pdf_job_request, revision=published_revision, language="en", user=None)

    def must_not_render(html):
        raise AssertionError("rendered twice")

    monkeypatch.setattr(services, "render_pdf", must_not_render)
    second = on_commit(pdf_job_request, revision=published_revision, language="en", user=None)

    assert second.pk == first.pk
    assert second.sha256 == first.sha256
    assert PdfJob.objects.count() == 1


def test_each_language_is_its_own_pdf(published_revision, on_commit):
    russian = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)
    english = on_commit(pdf_job_request, revision=published_revision, language="en", user=None)

    assert russian.pk != english.pk
    assert russian.sha256 != english.sha256


def test_the_database_refuses_a_second_job_for_the_same_input(published_revision, on_commit):
    job = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        PdfJob.objects.create(
            revision=job.revision,
            language=job.language,
            template_version=job.template_version,
            source_digest=job.source_digest,
        )


def test_a_draft_that_changes_is_rendered_again(draft_revision, secretariat, on_commit):
    first = on_commit(pdf_job_request, revision=draft_revision, language="en", user=secretariat)
    paragraph = draft_revision.paragraphs.last()
    paragraph.text_en = "decides to remain seized of the matter."
    paragraph.save()

    second = on_commit(pdf_job_request, revision=draft_revision, language="en", user=secretariat)

    assert second.pk != first.pk
    assert second.sha256 != first.sha256


def test_a_delegate_cannot_render_an_unpublished_draft(draft_revision, alice):
    with pytest.raises(PermissionDenied):
        pdf_job_request(revision=draft_revision, language="en", user=alice)
    assert not PdfJob.objects.exists()


def test_an_unknown_language_is_refused(published_revision):
    with pytest.raises(services.UnknownLanguage):
        pdf_job_request(revision=published_revision, language="de", user=None)


def test_a_failure_is_recorded_with_its_reason_and_can_be_retried(
    published_revision, on_commit, monkeypatch
):
    def broken(html):
        raise RuntimeError("cairo ran out of memory")

    monkeypatch.setattr(services, "render_pdf", broken)
    failed = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)

    assert failed.status == PdfJob.Status.FAILED
    assert failed.error == "RuntimeError: cairo ran out of memory"
    assert not failed.file

    monkeypatch.undo()
    retried = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)

    assert retried.pk == failed.pk
    assert retried.status == PdfJob.Status.READY
    assert retried.error == ""
    assert retried.attempts == 2


def test_a_render_past_the_soft_time_limit_is_recorded_as_failed(
    published_revision, on_commit, monkeypatch
):
    from billiard.exceptions import SoftTimeLimitExceeded

    def slow(html):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(services, "render_pdf", slow)
    job = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)

    assert job.status == PdfJob.Status.FAILED
    assert "too long" in job.error


def _pending_job(revision, language="ru") -> PdfJob:
    return pdf_job_request(revision=revision, language=language, user=None, enqueue=False)


def test_a_job_held_by_a_live_worker_is_not_rendered_twice(published_revision):
    job = _pending_job(published_revision)
    PdfJob.objects.filter(pk=job.pk).update(
        status=PdfJob.Status.RENDERING, started_at=timezone.now(), task_id="worker-a"
    )

    result = pdf_job_render(job_id=job.pk, task_id="worker-b")

    assert result.status == PdfJob.Status.RENDERING
    assert result.attempts == 0


def test_the_same_message_redelivered_after_a_lost_worker_takes_the_job_over(
    published_revision,
):
    job = _pending_job(published_revision)
    PdfJob.objects.filter(pk=job.pk).update(
        status=PdfJob.Status.RENDERING, started_at=timezone.now(), task_id="task-1", attempts=1
    )

    result = pdf_job_render(job_id=job.pk, task_id="task-1")

    assert result.status == PdfJob.Status.READY
    assert result.attempts == 2


def test_a_stale_rendering_job_is_taken_over(published_revision):
    job = _pending_job(published_revision)
    PdfJob.objects.filter(pk=job.pk).update(
        status=PdfJob.Status.RENDERING,
        started_at=timezone.now() - services.RENDERING_STALE_AFTER - timedelta(seconds=1),
        task_id="dead-worker",
    )

    assert pdf_jobs_requeue_stale() == 1
    job.refresh_from_db()
    assert job.status == PdfJob.Status.READY


def test_a_restarted_worker_sends_again_the_jobs_it_was_rendering(published_revision):
    from types import SimpleNamespace

    from pdfs.tasks import requeue_what_this_worker_lost

    lost = _pending_job(published_revision, "ru")
    elsewhere = _pending_job(published_revision, "en")
    PdfJob.objects.filter(pk=lost.pk).update(
        status=PdfJob.Status.RENDERING, started_at=timezone.now(), task_id="t1", worker="celery@a"
    )
    PdfJob.objects.filter(pk=elsewhere.pk).update(
        status=PdfJob.Status.RENDERING, started_at=timezone.now(), task_id="t2", worker="celery@b"
    )

    # What Celery does when "celery@a" is ready again (tasks run eagerly here).
    requeue_what_this_worker_lost(sender=SimpleNamespace(hostname="celery@a"))

    lost.refresh_from_db()
    elsewhere.refresh_from_db()
    assert lost.status == PdfJob.Status.READY
    assert elsewhere.status == PdfJob.Status.RENDERING  # another node's: it may still be alive
    # The lost message, should Redis deliver it after all, leaves the finished job alone.
    assert pdf_job_render(job_id=lost.pk, task_id="t1").attempts == lost.attempts


def test_no_message_is_redelivered_while_its_task_may_still_run():
    from django.conf import settings

    from pdfs.tasks import TIME_LIMIT

    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > TIME_LIMIT


def test_rendering_a_ready_job_again_does_nothing(published_revision, on_commit):
    job = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)

    again = pdf_job_render(job_id=job.pk, task_id="another")

    assert again.attempts == 1
    assert again.file.name == job.file.name


def test_when_redis_is_down_the_job_stays_pending_with_the_reason(
    published_revision, on_commit, broker_down
):
    job = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)

    assert job.status == PdfJob.Status.PENDING
    assert "6390" in job.enqueue_error
    assert not job.file


def test_the_beat_task_sends_pending_jobs_once_redis_is_back(
    published_revision, on_commit, broker_down
):
    job = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)
    assert job.status == PdfJob.Status.PENDING
    assert pdf_jobs_requeue_stale() == 0  # too fresh to be called stale

    PdfJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert pdf_jobs_requeue_stale() == 0  # Redis is still down: nothing sent, nothing lost
    broker_down.close()  # Redis is back (eager tasks again)

    assert pdf_jobs_requeue_stale() == 1
    job.refresh_from_db()
    assert job.status == PdfJob.Status.READY
    assert job.enqueue_error == ""


def test_a_stale_queued_job_is_sent_again(published_revision, on_commit, broker_down):
    job = _pending_job(published_revision)
    PdfJob.objects.filter(pk=job.pk).update(
        status=PdfJob.Status.QUEUED,
        enqueued_at=timezone.now() - services.QUEUED_STALE_AFTER - timedelta(seconds=1),
    )
    broker_down.close()

    assert pdf_jobs_requeue_stale() == 1
    job.refresh_from_db()
    assert job.status == PdfJob.Status.READY


def test_the_file_is_written_whole_or_not_at_all(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)

    class Interrupted(Exception):
        pass

    class HalfWritten:
        def chunks(self):
            yield b"%PDF-1.7 first half"
            raise Interrupted

    with pytest.raises(Interrupted):
        storage._save("pdfs/a.pdf", HalfWritten())

    assert not (tmp_path / "pdfs" / "a.pdf").exists()
    assert list((tmp_path / "pdfs").iterdir()) == []
