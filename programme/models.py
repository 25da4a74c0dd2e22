from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.text import length_limits

DESCRIPTION_MAX_LENGTH = 10_000


class Summit(models.Model):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, unique=True)
    host_city = models.CharField(_("host city"), max_length=100)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    timezone = models.CharField(_("time zone"), max_length=50, default="Asia/Almaty")
    description = models.TextField(_("description"), blank=True, max_length=DESCRIPTION_MAX_LENGTH)

    class Meta:
        # The table kept its name when the model moved from summit/ (a project package now)
        # to programme/: the rows stayed where they were, only the app label changed.
        db_table = "summit_summit"
        ordering = ["-start_date", "acronym"]
        verbose_name = _("summit")
        verbose_name_plural = _("summits")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date"))
                | Q(end_date__isnull=True)
                | Q(start_date__isnull=True),
                name="summit_ends_after_start",
            ),
            *length_limits("summit", DESCRIPTION_MAX_LENGTH, "description*"),
        ]

    def __str__(self):
        return self.acronym


class Meeting(models.Model):
    class Kind(models.TextChoices):
        PREPARATORY = "preparatory", _("Preparatory meeting")
        SUMMIT = "summit", _("Summit")
        SIDE_EVENT = "side_event", _("Side event")

    summit = models.ForeignKey(Summit, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    place = models.CharField(_("place"), max_length=200)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=DESCRIPTION_MAX_LENGTH)
    slug = models.SlugField(unique=True)

    class Meta:
        db_table = "summit_meeting"  # kept from summit/, as Summit's
        ordering = [F("start_date").asc(nulls_last=True), "title"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date"))
                | Q(end_date__isnull=True)
                | Q(start_date__isnull=True),
                name="meeting_ends_after_start",
            ),
            *length_limits("meeting", DESCRIPTION_MAX_LENGTH, "description*"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meeting_detail", args=[self.slug])


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=DESCRIPTION_MAX_LENGTH)

    class Meta:
        db_table = "summit_agendaitem"  # kept from summit/, as Summit's
        ordering = ["meeting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="unique_agenda_position"),
            *length_limits("agenda_item", DESCRIPTION_MAX_LENGTH, "description*"),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"
