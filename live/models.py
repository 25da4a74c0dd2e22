"""A live negotiation: the facilitator's text of a draft revision, in one language, changed
paragraph by paragraph in the room and followed by every delegation.

Every change is saved first (a LiveChange row: who, when, which paragraph, before, after) and
broadcast after commit (live/services.py); a client that reconnects reads the whole state.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from drafts.models import PARAGRAPH_MAX_LENGTH, Paragraph

Negotiation = Paragraph.Negotiation


class LiveSession(models.Model):
    revision = models.ForeignKey(
        "drafts.Revision", on_delete=models.PROTECT, related_name="live_sessions"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The key of the paragraph under discussion.
    focus = models.CharField(_("paragraph in focus"), max_length=12, blank=True)
    is_public = models.BooleanField(_("public (webcast)"), default=False)
    # Bumped by every change of the state (text, status, focus, queue): the ETag, and how a
    # client sees that it missed a message.
    version = models.PositiveIntegerField(default=1)
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["revision"],
                condition=Q(closed_at__isnull=True),
                name="one_open_live_session_per_revision",
            ),
        ]

    def __str__(self):
        return f"{self.revision} live #{self.pk}"

    def get_absolute_url(self):
        return reverse("live_follow", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def group_name(self) -> str:
        """The Channels group of the session's followers."""
        return f"live-{self.pk}"


class LiveParagraph(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="paragraphs")
    # The draft paragraph's stable key; a paragraph inserted in the session gets a new one.
    key = models.CharField(max_length=12)
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Paragraph.Kind.choices)
    label = models.CharField(max_length=40)
    # Set for a paragraph inserted in the session ("OP3 bis"): the key it follows.
    inserted_after = models.CharField(max_length=12, blank=True)
    opening_text = models.TextField(blank=True)
    text = models.TextField(blank=True, max_length=PARAGRAPH_MAX_LENGTH)
    negotiation = models.CharField(
        max_length=20, choices=Negotiation.choices, default=Negotiation.PROPOSED
    )
    opening_negotiation = models.CharField(
        max_length=20, choices=Negotiation.choices, default=Negotiation.PROPOSED
    )
    # The other language's text of this paragraph no longer says what this one says.
    other_out_of_date = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "key"], name="unique_live_paragraph_key"),
        ]

    def __str__(self):
        return self.label

    @property
    def is_inserted(self) -> bool:
        return bool(self.inserted_after)


class LiveChange(models.Model):
    class Field(models.TextChoices):
        TEXT = "text", _("Text")
        NEGOTIATION = "negotiation", _("Negotiation status")
        INSERTED = "inserted", _("Paragraph inserted")

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="changes")
    paragraph = models.ForeignKey(LiveParagraph, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=20, choices=Field.choices)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "at", "id"]

    def __str__(self):
        return f"{self.paragraph} {self.field} {self.at:%H:%M:%S}"


class FloorRequest(models.Model):
    """A delegation asks for the floor; once per delegation, in the order asked."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="queue")
    delegation = models.ForeignKey(
        "delegations.Delegation", on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    by_head = models.BooleanField(default=False)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegation"], name="one_floor_request_per_delegation"
            ),
        ]

    def __str__(self):
        return f"{self.delegation} ({self.session_id})"
