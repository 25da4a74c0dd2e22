"""Adoption, the last step of a negotiated text: the record of the meeting that adopted it,
the delegations' statements and the sponsors of a resolution.

These models were drafts' until the split of issue #24: each keeps its table (`db_table`, and
`table_name` for its history) so that no row moved; see migrations/0001_initial.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from drafts.models import OutcomeDocument, Revision
from portal.languages import localized_names
from portal.text import length_limits

# The history of these rows (and of documents and revisions) is kept by django-simple-history:
# who changed what, and when; services name the author (`_history_user`).

STATEMENT_MAX_LENGTH = 5000


class Adoption(models.Model):
    """A document adopted at a meeting of the programme, from one published revision."""

    class Method(models.TextChoices):
        CONSENSUS = "consensus", _("By consensus")
        VOTE = "vote", _("By vote")

    document = models.OneToOneField(
        OutcomeDocument, on_delete=models.PROTECT, related_name="adoption"
    )
    revision = models.OneToOneField(Revision, on_delete=models.PROTECT, related_name="adoption")
    meeting = models.ForeignKey(
        "programme.Meeting",
        on_delete=models.PROTECT,
        related_name="adoptions",
        verbose_name=_("meeting"),
    )
    adopted_on = models.DateField(_("date of adoption"))
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    votes_for = models.PositiveIntegerField(_("votes in favour"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    final_symbol = models.CharField(_("final symbol"), max_length=60, unique=True)
    # The adopted text's title, without "Draft" (bilingual through modeltranslation).
    title = models.CharField(_("title of the adopted text"), max_length=400)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    # Set once every "at once" notice of the adoption has gone (subscriptions.services).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(
        excluded_fields=["notified_at", "title", *localized_names("title")],
        table_name="drafts_historicaladoption",
    )

    class Meta:
        db_table = "drafts_adoption"  # the table it had in drafts: kept when it moved here
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    method="consensus",
                    votes_for__isnull=True,
                    votes_against__isnull=True,
                    abstentions__isnull=True,
                )
                | Q(
                    method="vote",
                    votes_for__isnull=False,
                    votes_against__isnull=False,
                    abstentions__isnull=False,
                ),
                name="adoption_vote_has_figures",
            ),
        ]

    def __str__(self):
        return self.final_symbol

    def save(self, *args, **kwargs):
        # Adopted is final: the record of the meeting is not rewritten.
        if self.pk and Adoption.objects.filter(pk=self.pk).exists():
            raise ValidationError(_("An adoption is final and cannot be changed."))
        super().save(*args, **kwargs)


class Statement(models.Model):
    """A delegation's statement on a document, recorded by its head: one per delegation,
    editable until the secretariat's deadline, its every version kept."""

    class Kind(models.TextChoices):
        JOINS = "joins", _("Joins the consensus")
        RESERVATIONS = "reservations", _("Joins the consensus with reservations")
        EXPLANATION = "explanation", _("Explanation of position")
        DOES_NOT_JOIN = "does_not_join", _("Does not join the consensus")

    document = models.ForeignKey(
        OutcomeDocument, on_delete=models.PROTECT, related_name="statements"
    )
    delegation = models.ForeignKey(
        "delegations.Delegation", on_delete=models.PROTECT, related_name="statements"
    )
    kind = models.CharField(_("statement"), max_length=20, choices=Kind.choices)
    # The paragraphs a reservation concerns, by key: keys follow a paragraph from revision
    # to revision, so the statement still names it in the adopted text.
    paragraph_keys = models.JSONField(_("paragraphs"), default=list, blank=True)
    text = models.TextField(_("text"), max_length=STATEMENT_MAX_LENGTH, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(table_name="drafts_historicalstatement")

    class Meta:
        db_table = "drafts_statement"  # the table it had in drafts: kept when it moved here
        ordering = ["document", "delegation"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "delegation"], name="one_statement_per_delegation"
            ),
            *length_limits("statement", STATEMENT_MAX_LENGTH, "text"),
        ]

    def __str__(self):
        return f"{self.delegation}: {self.get_kind_display()}"


class Sponsorship(models.Model):
    """A delegation sponsoring a resolution, added or withdrawn by its head until adoption."""

    document = models.ForeignKey(
        OutcomeDocument, on_delete=models.PROTECT, related_name="sponsorships"
    )
    delegation = models.ForeignKey(
        "delegations.Delegation", on_delete=models.PROTECT, related_name="sponsorships"
    )
    withdrawn = models.BooleanField(default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(table_name="drafts_historicalsponsorship")

    class Meta:
        db_table = "drafts_sponsorship"  # the table it had in drafts: kept when it moved here
        ordering = ["document", "delegation"]
        verbose_name = _("sponsorship")
        verbose_name_plural = _("sponsorships")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "delegation"], name="one_sponsorship_per_delegation"
            ),
        ]

    def __str__(self):
        return f"{self.delegation} → {self.document}"
