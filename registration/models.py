"""Who comes to a meeting: nominations, their accreditation, the badges and the door.

A registration belongs to one meeting and, for States and organisations taking part, to one
delegation; the secretariat also registers people of other organisations and the media
(no delegation, `organisation` names them). Personal data (e-mail, phone, photo, the letters)
is read through registration.selectors, which knows who may see it.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.text import length_limits

from .storage import private_storage

NAME_MAX_LENGTH = 100
REASON_MAX_LENGTH = 1000


def _badge_key() -> str:
    return secrets.token_urlsafe(16)


class RegistrationWindow(models.Model):
    """When a meeting takes nominations. Times are stored in UTC and shown in Asia/Almaty
    (TIME_ZONE), the summit's own time."""

    meeting = models.OneToOneField(
        "programme.Meeting",
        on_delete=models.CASCADE,
        related_name="registration_window",
        verbose_name=_("meeting"),
    )
    opens_at = models.DateTimeField(_("registration opens"))
    closes_at = models.DateTimeField(_("registration closes"))

    class Meta:
        verbose_name = _("registration window")
        verbose_name_plural = _("registration windows")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="registration_window_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return f"{self.meeting}: {self.opens_at:%Y-%m-%d %H:%M} – {self.closes_at:%Y-%m-%d %H:%M}"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class FocalPoint(models.Model):
    """The member a head names to handle the delegation's registration in their stead."""

    delegation = models.OneToOneField(
        "delegations.Delegation",
        on_delete=models.CASCADE,
        related_name="registration_focal_point",
        verbose_name=_("delegation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("focal point"),
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    appointed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("registration focal point")
        verbose_name_plural = _("registration focal points")

    def __str__(self):
        return f"{self.delegation}: {self.user}"


class NominationLetter(models.Model):
    """The delegation's note verbale for a meeting: one per delegation and meeting, replaced
    by a new upload."""

    meeting = models.ForeignKey(
        "programme.Meeting", on_delete=models.CASCADE, related_name="+", verbose_name=_("meeting")
    )
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.CASCADE,
        related_name="nomination_letters",
        verbose_name=_("delegation"),
    )
    file = models.FileField(_("nomination letter"), storage=private_storage, max_length=200)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nomination letter")
        verbose_name_plural = _("nomination letters")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "delegation"], name="one_nomination_letter_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.delegation} — {self.meeting}"


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Neither rejected nor withdrawn: the ones that count against a second nomination."""
        return self.exclude(
            status__in=[Registration.Status.REJECTED, Registration.Status.WITHDRAWN]
        )

    def accredited(self):
        return self.filter(status=Registration.Status.ACCREDITED)


class Registration(models.Model):
    class Title(models.TextChoices):
        EXCELLENCY = "he", _("H.E.")
        MR = "mr", _("Mr")
        MS = "ms", _("Ms")
        DR = "dr", _("Dr")

    class Category(models.TextChoices):
        # In the order UN lists of participants use (registration.selectors.participants_public).
        STATE = "state", _("State")
        UN_SYSTEM = "un_system", _("United Nations system")
        IGO = "igo", _("Intergovernmental organisation")
        NGO = "ngo", _("Non-governmental organisation")
        MEDIA = "media", _("Media")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting the head's confirmation")
        NOMINATED = "nominated", _("Nominated")
        ACCREDITED = "accredited", _("Accredited")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    meeting = models.ForeignKey(
        "programme.Meeting",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("meeting"),
    )
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("delegation"),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For participants who come without a delegation (organisations, media)."),
    )
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    title = models.CharField(_("form of address"), max_length=2, choices=Title.choices)
    given_name = models.CharField(_("given name (as in the passport)"), max_length=NAME_MAX_LENGTH)
    family_name = models.CharField(
        _("family name (as in the passport)"), max_length=NAME_MAX_LENGTH
    )
    given_name_cyrillic = models.CharField(
        _("given name in Cyrillic"), max_length=NAME_MAX_LENGTH, blank=True
    )
    family_name_cyrillic = models.CharField(
        _("family name in Cyrillic"), max_length=NAME_MAX_LENGTH, blank=True
    )
    function = models.CharField(_("function"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    photo = models.FileField(_("photo"), storage=private_storage, max_length=200, blank=True)
    heads_delegation = models.BooleanField(_("heads the delegation at this meeting"), default=False)
    consent_public_list = models.BooleanField(
        _("agrees to appear in the public list of participants"), default=False
    )
    language = models.CharField(
        _("language for e-mail"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NOMINATED
    )
    status_reason = models.TextField(_("reason"), blank=True, max_length=REASON_MAX_LENGTH)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("participant's account"),
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nominated by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The badge's QR code carries this key, signed (registration.badges): never the row's id,
    # and a key that a withdrawal can make worthless.
    badge_key = models.CharField(max_length=32, unique=True, default=_badge_key, editable=False)
    badge_pdf = models.FileField(storage=private_storage, max_length=200, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    personal_data_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["badge_pdf", "updated_at"])
    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "family_name", "given_name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=Q(delegation__isnull=False) | ~Q(organisation=""),
                name="registration_has_delegation_or_organisation",
            ),
            # One live registration per person and meeting; a rejected or withdrawn one may
            # be followed by a new nomination.
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=~Q(email="") & ~Q(status__in=["rejected", "withdrawn"]),
                name="one_live_registration_per_email_and_meeting",
            ),
            *length_limits("registration", REASON_MAX_LENGTH, "status_reason"),
        ]
        indexes = [models.Index(fields=["meeting", "status"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def full_name_cyrillic(self) -> str:
        return f"{self.given_name_cyrillic} {self.family_name_cyrillic}".strip()

    def display_name(self, language: str) -> str:
        """The name as the list in `language` prints it: Cyrillic in Russian where given."""
        if language == "ru" and self.full_name_cyrillic:
            return self.full_name_cyrillic
        return self.full_name

    @property
    def affiliation(self) -> str:
        return str(self.delegation) if self.delegation_id else self.organisation

    @property
    def may_enter(self) -> bool:
        return self.status == self.Status.ACCREDITED


class RegistrationDocument(models.Model):
    """A PDF made for a whole meeting by a Celery job: the badges to print or the list of
    participants. The row is the job: its status and error live here, not only in Celery."""

    class Kind(models.TextChoices):
        BADGES = "badges", _("Badges to print")
        LIST = "list", _("List of participants")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    meeting = models.ForeignKey("programme.Meeting", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(storage=private_storage, max_length=200, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("registration document")
        verbose_name_plural = _("registration documents")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.meeting} ({self.language})"
