"""Calls for written inputs and the submissions made to them.

The secretariat opens a call on a meeting: a subject, a deadline (stored in UTC, entered and
shown in Asia/Almaty, the summit's TIME_ZONE) and who may submit. A head of delegation submits
one text (and optionally a PDF) per call for their delegation and may replace it until the
deadline: the row keeps its receipt number, and every earlier state stays in its history
(simple-history), nothing silently overwritten. After the deadline the secretariat publishes
the call: a Celery job compiles the submissions into one PDF, issued as a MISC document of the
register (submissions.services).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from delegations.models import Delegation
from portal.text import length_limits
from registration.storage import private_storage

SUBJECT_MAX_LENGTH = 500
TEXT_MAX_LENGTH = 20_000


class CallQuerySet(models.QuerySet):
    def open(self, now=None):
        return self.filter(deadline__gt=now or timezone.now())


class Call(models.Model):
    class Who(models.TextChoices):
        STATES = "states", _("Delegations of States")
        ORGANISATIONS = "organisations", _("Delegations of organisations")
        ALL = "all", _("Delegations of States and organisations")

    class PublishStatus(models.TextChoices):
        NONE = "", _("Not published")
        QUEUED = "queued", _("Being compiled")
        DONE = "done", _("Published")
        FAILED = "failed", _("Compilation failed")

    meeting = models.ForeignKey(
        "programme.Meeting",
        on_delete=models.CASCADE,
        related_name="calls",
        verbose_name=_("meeting"),
    )
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    deadline = models.DateTimeField(_("deadline"))
    who = models.CharField(_("who may submit"), max_length=20, choices=Who.choices)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    publish_status = models.CharField(
        _("publication"), max_length=10, choices=PublishStatus.choices, default="", blank=True
    )
    publish_error = models.TextField(blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The MISC document of the register that publishes the submissions.
    document = models.ForeignKey(
        "register.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published document"),
    )

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("call for written inputs")
        verbose_name_plural = _("calls for written inputs")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("call_detail", args=[self.pk])

    def is_open(self, now=None) -> bool:
        """Submissions are taken strictly before the deadline: at 18:00:00 it is closed."""
        return (now or timezone.now()) < self.deadline

    def admits(self, delegation: Delegation | None) -> bool:
        """A State's delegation is a member state's; every other kind (an international
        organisation, a convention secretariat, an observer) is an organisation's."""
        if delegation is None:
            return False
        if self.who == self.Who.ALL:
            return True
        is_state = delegation.kind == Delegation.Kind.MEMBER_STATE
        return is_state if self.who == self.Who.STATES else not is_state

    @property
    def is_published(self) -> bool:
        return self.publish_status == self.PublishStatus.DONE


class Submission(models.Model):
    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("call")
    )
    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("delegation"),
    )
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    file = models.FileField(_("PDF file"), storage=private_storage, max_length=200, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    # The receipt number: given at the first submission and kept by every replacement, as
    # Regulations.gov keeps a comment's tracking number.
    number = models.CharField(_("receipt number"), max_length=60, unique=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("received"))
    updated_at = models.DateTimeField(_("last changed"))
    replaced_at = models.DateTimeField(_("last replaced"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "pk"]
        verbose_name = _("written submission")
        verbose_name_plural = _("written submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "delegation"], name="one_submission_per_delegation_and_call"
            ),
            *length_limits("submission", TEXT_MAX_LENGTH, "text"),
        ]

    def __str__(self):
        return f"{self.number} — {self.delegation}"

    def get_absolute_url(self):
        return reverse("submission_receipt", args=[self.pk])

    def file_url(self) -> str:
        return reverse("submission_file", args=[self.pk]) if self.file else ""
