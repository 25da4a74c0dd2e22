"""Who follows what, and the outbox of what happened to it.

A subscription names its target by one of four nullable foreign keys (meeting, outcome
document, call, document of the register), the one its `target_type` says, and a check constraint holds exactly that one set: a
generic (content type, id) pair would let a subscription point at a deleted or wrong row,
cascade nothing, and join nowhere, while real keys delete a meeting's followers with it and
let the fan-out of an event be one indexed query per target.

An `Event` is written once per thing that happened (its `key` makes recording it twice a
no-op), with what the mail needs in every language (`data`), so a mail is rendered in the
reader's language when it is sent, even if the object changed or went away since. A
`Delivery` is one subscriber's copy of one event: made when the event is recorded, marked sent
when its mail (at once, or in the evening's digest) has gone; a worker that restarts finds the
unsent ones again, and a sent one is never sent again.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TARGET_FIELDS = ("meeting", "document", "call", "register_document")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("Daily digest")


class TargetType(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    DOCUMENT = "document", _("Document")
    CALL = "call", _("Call for written inputs")
    REGISTER_DOCUMENT = "register_document", _("Document of the register")


def _one_target(target_type: str) -> Q:
    """The row's target is the key named by `target_type`, and no other key is set."""
    condition = Q(target_type=target_type, **{f"{target_type}__isnull": False})
    for other in TARGET_FIELDS:
        if other != target_type:
            condition &= Q(**{f"{other}__isnull": True})
    return condition


# Each target with what its label and link read (services.subscription_label).
TARGET_RELATIONS = ("meeting", "document__adoption", "call", "register_document__meeting")


class SubscriptionQuerySet(models.QuerySet):
    def with_targets(self):
        """With each target, and what its label and link read, in the same query."""
        return self.select_related(*TARGET_RELATIONS)


class DeliveryQuerySet(models.QuerySet):
    def with_targets(self):
        """With its subscription's target, as Subscription.objects.with_targets()."""
        return self.select_related(*(f"subscription__{name}" for name in TARGET_RELATIONS))


class Subscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    target_type = models.CharField(_("follows"), max_length=20, choices=TargetType.choices)
    meeting = models.ForeignKey(
        "programme.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    document = models.ForeignKey(
        "drafts.OutcomeDocument",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    call = models.ForeignKey(
        "submissions.Call", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Its language versions, and the documents that revise, add to or correct it.
    register_document = models.ForeignKey(
        "register.Document", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    # Made for a delegate without asking (their summit's documents); shown as such.
    by_default = models.BooleanField(default=False, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["target_type", "-created"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=_one_target("meeting")
                | _one_target("document")
                | _one_target("call")
                | _one_target("register_document"),
                name="subscription_has_its_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", field],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"unique_subscription_{field}",
                )
                for field in TARGET_FIELDS
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.target_type} {self.target_id}"

    @property
    def target_id(self) -> int | None:
        return getattr(self, f"{self.target_type}_id", None)

    @property
    def target(self):
        return getattr(self, self.target_type, None)


class Event(models.Model):
    class Kind(models.TextChoices):
        REVISION_PUBLISHED = "revision_published", _("Revision published")
        DOCUMENT_ADOPTED = "document_adopted", _("Document adopted")
        DOCUMENT_ISSUED = "document_issued", _("Document issued")
        VERSION_ADDED = "version_added", _("Language version issued")
        CALL_OPENED = "call_opened", _("Call for written inputs opened")
        CALL_PUBLISHED = "call_published", _("Written submissions published")

    kind = models.CharField(max_length=30, choices=Kind.choices)
    # What happened, once: "revision:12". Recording the same thing again finds this row.
    key = models.CharField(max_length=100, unique=True)
    # The targets whose followers are told (any of them may be empty).
    meeting = models.ForeignKey(
        "programme.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    document = models.ForeignKey(
        "drafts.OutcomeDocument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    call = models.ForeignKey(
        "submissions.Call", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A document of the register the event is about: its followers, and those of the
    # documents it revises, adds to or corrects, are told (Document.lineage_ids).
    register_document = models.ForeignKey(
        "register.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A published revision keeps drafts' own bookkeeping (notified_at) in step.
    revision = models.ForeignKey(
        "drafts.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # {"symbol": …, "title": {"ru": …, "en": …}, "summary": {…}, "number": …,
    #  "url": ["url name", [args]], "fallback_url": [...]}: rendered in the reader's language when sent.
    data = models.JSONField(default=dict)
    happened_at = models.DateTimeField()
    # Every "at once" delivery of it has gone (the drafts' page reads this through notified_at).
    immediate_done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["happened_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(
                fields=["happened_at"],
                condition=Q(immediate_done_at__isnull=True),
                name="event_immediate_pending",
            )
        ]

    def __str__(self):
        return self.key


class Delivery(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The subscription that brought it: unfollowing before the digest drops it, and the mail's
    # unsubscribe link ends this one.
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            # One mail per event per person, whether they follow the document, its meeting or both.
            models.UniqueConstraint(fields=["event", "user"], name="one_delivery_per_event_user")
        ]
        indexes = [
            models.Index(
                fields=["frequency", "user"],
                condition=Q(sent_at__isnull=True),
                name="delivery_pending",
            )
        ]

    def __str__(self):
        return f"{self.event} → {self.user}"
