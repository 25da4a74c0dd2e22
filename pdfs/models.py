from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .storage import pdf_storage


class PdfJob(models.Model):
    """One PDF of one revision in one language, made by one template version.

    The row is written in the request's transaction before anything is sent to Celery (an
    outbox): if the broker is down the job simply stays pending and the beat task sends it
    later. The unique constraint makes "render the same input twice" impossible.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the queue")
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    revision = models.ForeignKey(
        "drafts.Revision", on_delete=models.CASCADE, related_name="pdf_jobs"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    template_version = models.CharField(_("template version"), max_length=40)
    # A digest of what is printed (texts, status of the document): a draft revision that
    # changes, or a document that gets adopted (no more watermark), is a different input.
    source_digest = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    file = models.FileField(_("file"), upload_to="pdfs/", storage=pdf_storage, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # Why the last attempt to hand the job to Celery failed (broker unreachable).
    enqueue_error = models.CharField(max_length=500, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    # The Celery task holding the job: its own message coming back after a lost worker may
    # take the job over at once, any other message must wait for it to go stale.
    task_id = models.CharField(max_length=64, blank=True)
    # The Celery node rendering it ("celery@host"): when that node starts again, whatever it
    # was rendering died with it and is sent again at once (pdfs.tasks, worker_ready).
    worker = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("PDF job")
        verbose_name_plural = _("PDF jobs")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "language", "template_version", "source_digest"],
                name="unique_pdf_per_input",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(sha256=""),
                name="ready_pdf_has_file_digest",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.revision} ({self.language}) {self.status}"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)
