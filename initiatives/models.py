from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.text import length_limits

SUMMARY_MAX_LENGTH = 2_000
SECTION_MAX_LENGTH = 20_000


class Tag(models.Model):
    class Kind(models.TextChoices):
        THEME = "theme", _("Thematic area")
        ECOSYSTEM = "ecosystem", _("Ecosystem")
        SPECIES = "species", _("Priority species")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class Initiative(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        PREPARATION = "preparation", _("In preparation")
        ENDORSED = "endorsed", _("Endorsed")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(unique=True)
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    lead_delegation = models.ForeignKey(
        "delegations.Delegation",
        verbose_name=_("lead delegation"),
        on_delete=models.PROTECT,
        related_name="led_initiatives",
        null=True,
        blank=True,
    )
    partners = models.ManyToManyField(
        "delegations.Delegation",
        verbose_name=_("partners"),
        related_name="partner_initiatives",
        blank=True,
    )
    tags = models.ManyToManyField(
        Tag, related_name="initiatives", blank=True, verbose_name=_("tags")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = length_limits("initiative", SUMMARY_MAX_LENGTH, "summary*")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("initiative_detail", args=[self.slug])


class Section(models.Model):
    """A chapter of the initiative's document; every saved edit is kept as a SectionVersion."""

    class Kind(models.TextChoices):
        BACKGROUND = "background", _("Background")
        OBJECTIVES = "objectives", _("Objectives")
        RESULTS_LOGIC = "results_logic", _("Results logic")
        COORDINATION = "coordination", _("Coordination mechanism")
        FINANCE = "finance", _("Financial architecture")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="sections", verbose_name=_("initiative")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    body = models.TextField(_("text"), blank=True, max_length=SECTION_MAX_LENGTH)
    # Optimistic locking: an edit names the version it started from.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["initiative", "position"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "kind"], name="unique_section_kind"),
            *length_limits("section", SECTION_MAX_LENGTH, "body*"),
        ]

    def __str__(self):
        return f"{self.initiative}: {self.get_kind_display()}"


class SectionVersion(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # In every language (translation.py); `body` itself stays empty, as modeltranslation
    # keeps the untranslated column.
    body = models.TextField(blank=True, max_length=SECTION_MAX_LENGTH)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    edited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="unique_section_version"),
            *length_limits("section_version", SECTION_MAX_LENGTH, "body*"),
        ]

    def __str__(self):
        return f"{self.section} v{self.number}"


class Outcome(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("initiative")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("outcome"), max_length=400)

    class Meta:
        ordering = ["initiative", "position"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return self.title


class Output(models.Model):
    outcome = models.ForeignKey(
        Outcome, on_delete=models.CASCADE, related_name="outputs", verbose_name=_("outcome")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("output"), max_length=400)

    class Meta:
        ordering = ["outcome", "position"]
        verbose_name = _("output")
        verbose_name_plural = _("outputs")

    def __str__(self):
        return self.title


class Indicator(models.Model):
    output = models.ForeignKey(
        Output, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("output")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("indicator"), max_length=400)
    unit = models.CharField(_("unit"), max_length=50)
    baseline = models.CharField(_("baseline"), max_length=100, blank=True)
    target = models.CharField(_("target"), max_length=100, blank=True)
    means_of_verification = models.CharField(_("means of verification"), max_length=300, blank=True)

    class Meta:
        ordering = ["output", "position"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.title


class FundingEntry(models.Model):
    class Status(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        COMMITTED = "committed", _("Committed")
        DISBURSED = "disbursed", _("Disbursed")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="funding", verbose_name=_("initiative")
    )
    source = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.PROTECT,
        related_name="funding_entries",
        verbose_name=_("source"),
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["initiative", "status", "-amount"]
        verbose_name = _("funding entry")
        verbose_name_plural = _("funding entries")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="funding_amount_positive")
        ]

    def __str__(self):
        return f"{self.source}: {self.amount} {self.currency} ({self.get_status_display()})"
