"""Following, the outbox of events, and the mail: at once, or in the evening's digest.

An event is recorded once (`event_record`), with one delivery per follower; the mail of a
delivery "at once" is sent by `deliver_event` (a task queued after the event commits), a
daily one by `digests_send` (the beat's task at 18:00 Asia/Almaty, and `manage.py
send_digests`). Both mark what they sent, in the transaction that holds the rows, so a run
that is repeated or a worker that restarts sends nothing twice and loses nothing.
"""

import zoneinfo
from collections.abc import Iterable
from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from adoption.models import Adoption
from drafts.models import OutcomeDocument, Revision
from drafts.selectors import documents_readable_by
from portal.languages import language_codes
from portal.mail import Mail, mail_render, mail_send
from portal.tasks import after_commit
from programme.models import Meeting
from register.models import Document as RegisterDocument
from submissions.models import Call

from .models import Delivery, Event, Frequency, Subscription, TargetType

UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
# Mails per SMTP connection and per transaction: a worker that dies mid-way sends at most
# this many again.
BATCH = 50


# --- Targets: what may be followed, by whom.


def targets_readable(user: User, target_type: str):
    """The objects of a kind this person may read, hence follow (the pages' own rules: every
    meeting of the programme is public; an outcome document once a revision is published,
    before that the secretariat's)."""
    if target_type == TargetType.MEETING:
        return Meeting.objects.all()
    if target_type == TargetType.DOCUMENT:
        return documents_readable_by(user)
    if target_type == TargetType.CALL:
        return Call.objects.all()  # a call's page is public (submissions.views.call_detail)
    if target_type == TargetType.REGISTER_DOCUMENT:
        return RegisterDocument.objects.all()  # the register is public (register.views)
    return None


def target_find(*, user: User, target_type: str, target_id) -> object:
    """The target named by its kind and id, if this person may read it; a ValidationError
    naming `target` otherwise (one answer for "no such" and "not yours to see", so that an
    unpublished draft's id does not leak)."""
    if target_type not in TargetType.values:
        raise ValidationError(
            {
                "target_type": _("Choose one of: %(types)s.")
                % {"types": ", ".join(TargetType.values)}
            }
        )
    target = targets_readable(user, target_type).filter(pk=target_id).first()
    if target is None:
        raise ValidationError({"target": _("There is nothing to follow with this id.")})
    return target


def subscription_follow(
    *, user: User, target_type: str, target, frequency: str
) -> tuple[Subscription, bool]:
    """Follow `target` (found by `target_find`), or change how often one already followed is
    told. Returns the subscription and whether it is new."""
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose “immediate” or “daily”.")})
    subscription, created = Subscription.objects.get_or_create(
        user=user,
        target_type=target_type,
        **{target_type: target},
        defaults={"frequency": frequency},
    )
    if not created and subscription.frequency != frequency:
        subscription_set_frequency(subscription=subscription, frequency=frequency)
    return subscription, created


def subscription_set_frequency(*, subscription: Subscription, frequency: str) -> Subscription:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose “immediate” or “daily”.")})
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    return subscription


def subscription_unfollow(*, subscription: Subscription) -> None:
    """Stop following; what was waiting for the digest goes with it."""
    subscription.delete()


def subscriptions_of(user: User) -> list[Subscription]:
    return list(Subscription.objects.filter(user=user).with_targets())


# --- Delegates follow their summit's outcome documents by default.


def subscriptions_default_for_user(*, user: User) -> int:
    """A delegate follows every published outcome document, at once (what every delegate was
    mailed before subscriptions existed); unfollowing one is for good."""
    documents = OutcomeDocument.objects.published().values_list("pk", flat=True)
    made = Subscription.objects.bulk_create(
        [
            Subscription(
                user=user, target_type=TargetType.DOCUMENT, document_id=pk, by_default=True
            )
            for pk in documents
        ],
        ignore_conflicts=True,
    )
    return len(made)


def subscriptions_default_for_document(*, document: OutcomeDocument) -> int:
    """Every delegate follows a document once it is first published, at once."""
    users = User.objects.filter(is_active=True, membership__isnull=False).values_list(
        "pk", flat=True
    )
    made = Subscription.objects.bulk_create(
        [
            Subscription(
                user_id=pk, target_type=TargetType.DOCUMENT, document=document, by_default=True
            )
            for pk in users
        ],
        ignore_conflicts=True,
    )
    return len(made)


# --- The outbox.


def in_every_language(source, field: str) -> dict[str, str]:
    return {code: getattr(source, f"{field}_{code}", "") or "" for code in language_codes()}


def event_record(
    *,
    kind: str,
    key: str,
    data: dict,
    happened_at: datetime,
    meeting: Meeting | None = None,
    document: OutcomeDocument | None = None,
    revision: Revision | None = None,
    call: Call | None = None,
    register_document: RegisterDocument | None = None,
) -> tuple[Event, bool]:
    """Record what happened, once, with a delivery for each follower of any of its targets
    (one per person, at once if any of their subscriptions says so); the mail "at once" is
    sent after commit. Recording it again records nothing and sends what is still unsent."""
    with transaction.atomic():
        event, created = Event.objects.get_or_create(
            key=key,
            defaults={
                "kind": kind,
                "data": data,
                "happened_at": happened_at,
                "meeting": meeting,
                "document": document,
                "revision": revision,
                "call": call,
                "register_document": register_document,
            },
        )
        if created:
            _fan_out(event)
        after_commit(deliver_event.delay, event.pk)
    return event, created


def _fan_out(event: Event) -> None:
    followers = Subscription.objects.none()
    for field in ("meeting", "document", "call"):
        target_id = getattr(event, f"{field}_id")
        if target_id is not None:
            followers |= Subscription.objects.filter(**{f"{field}_id": target_id})
    if event.register_document is not None:
        lineage = event.register_document.lineage_ids()
        followers |= Subscription.objects.filter(register_document_id__in=lineage)
    chosen: dict[int, Subscription] = {}
    rows = followers.filter(user__is_active=True).exclude(user__email="").order_by("pk")
    for subscription in rows:
        kept = chosen.get(subscription.user_id)
        if kept is None or (
            kept.frequency == Frequency.DAILY and subscription.frequency == Frequency.IMMEDIATE
        ):
            chosen[subscription.user_id] = subscription
    Delivery.objects.bulk_create(
        [
            Delivery(
                event=event,
                user_id=user_id,
                subscription=subscription,
                frequency=subscription.frequency,
            )
            for user_id, subscription in chosen.items()
        ],
        ignore_conflicts=True,
    )


# --- What a mail says about an event, in the reader's language.

HEADLINES = {
    Event.Kind.REVISION_PUBLISHED: gettext_lazy("%(symbol)s: revision %(number)s is published"),
    Event.Kind.DOCUMENT_ADOPTED: gettext_lazy("%(symbol)s is adopted"),
    Event.Kind.DOCUMENT_ISSUED: gettext_lazy("%(symbol)s is issued"),
    Event.Kind.VERSION_ADDED: gettext_lazy(
        "%(symbol)s: a language version is issued (%(language)s)"
    ),
    Event.Kind.CALL_OPENED: gettext_lazy("A call for written inputs is open"),
    Event.Kind.CALL_PUBLISHED: gettext_lazy("The written submissions are published as %(symbol)s"),
}


DEADLINE_LABELS = {
    Event.Kind.CALL_OPENED: gettext_lazy("Written inputs are accepted until"),
    Event.Kind.DOCUMENT_ADOPTED: gettext_lazy(
        "Heads of delegation may record their delegation's statement until"
    ),
    None: gettext_lazy("Comments are accepted until"),
}


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _localized(values: dict, language: str) -> str:
    """The text in `language`, else the first language that has one."""
    if values.get(language):
        return values[language]
    return next((values[code] for code in language_codes() if values.get(code)), "")


def event_notice(event: Event, language: str) -> dict:
    """The event as a mail says it, in `language`: headline, title, summary, deadline, link."""
    data = event.data
    with translation.override(language):
        deadline = ""
        if data.get("deadline"):
            moment = timezone.localtime(
                parse_datetime(data["deadline"]), timezone=_zone(data.get("zone"))
            )
            deadline = f"{date_format(moment, 'j E Y, H:i')} ({data.get('zone')})"
        return {
            "kind": event.kind,
            "headline": str(HEADLINES.get(event.kind, "%(symbol)s"))
            % {
                "symbol": data.get("symbol", ""),
                "number": data.get("number", ""),
                "language": str(dict(settings.LANGUAGES).get(data.get("language"), "")),
            },
            "title": _localized(data.get("title", {}), language),
            "summary": _localized(data.get("summary", {}), language),
            "deadline": deadline,
            "deadline_label": str(DEADLINE_LABELS.get(event.kind, DEADLINE_LABELS[None])),
            "url": _absolute(_event_path(data)),
        }


def _event_path(data: dict) -> str:
    """The event's page, else its fallback (a page that a lower app has not built yet)."""
    for key in ("url", "fallback_url"):
        if data.get(key):
            name, args = data[key]
            try:
                return reverse(name, args=args)
            except NoReverseMatch:
                continue
    return reverse("home")


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def subscription_label(subscription: Subscription) -> str:
    """What is followed, in the active language: "RES-2026/DECL/1 — Astana Declaration"."""
    target = subscription.target
    if target is None:
        return ""
    if subscription.target_type == TargetType.DOCUMENT:
        return f"{target.display_symbol} — {target.title}"
    if subscription.target_type == TargetType.CALL:
        return _("Call for written inputs: %(subject)s") % {"subject": target.subject}
    if subscription.target_type == TargetType.REGISTER_DOCUMENT:
        return f"{target.symbol} — {target.title}"
    return str(target)


# --- Unsubscribing without logging in: a signed link per subscription, and one per digest.


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps({"u": subscription.user_id, "s": subscription.pk}, salt=UNSUBSCRIBE_SALT)


def digest_unsubscribe_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "d": 1}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(token: str, language: str) -> str:
    with translation.override(language):
        return _absolute(reverse("unsubscribe", args=[token]))


class UnsubscribeLink:
    """What a signed link stops: one subscription, or the daily digest (every daily one)."""

    def __init__(self, user: User, subscriptions: list[Subscription], digest: bool):
        self.user = user
        self.subscriptions = subscriptions
        self.digest = digest


def unsubscribe_link(token: str) -> UnsubscribeLink:
    """The link's user and what it stops (nothing left, when it was used already); a
    signing.BadSignature for a link that was not made here or was altered."""
    value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(value, dict) or not isinstance(value.get("u"), int):
        raise signing.BadSignature("not an unsubscribe link")
    user = User.objects.filter(pk=value["u"]).first()
    if user is None:
        return UnsubscribeLink(None, [], bool(value.get("d")))
    mine = Subscription.objects.filter(user=user).with_targets()
    if value.get("d"):
        return UnsubscribeLink(user, list(mine.filter(frequency=Frequency.DAILY)), True)
    return UnsubscribeLink(user, list(mine.filter(pk=value.get("s"))), False)


def unsubscribe(*, link: UnsubscribeLink) -> int:
    """Stop what the link names; using it twice stops nothing more."""
    if not link.subscriptions:
        return 0
    deleted, _rows = Subscription.objects.filter(pk__in=[s.pk for s in link.subscriptions]).delete()
    return len(link.subscriptions) if deleted else 0


def _list_unsubscribe(mail: Mail, url: str) -> Mail:
    # RFC 8058: a mail client offers "unsubscribe" and POSTs List-Unsubscribe=One-Click to
    # the link itself, with no cookie and no form token.
    mail["headers"] = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return mail


def _profile_url(language: str) -> str:
    with translation.override(language):
        return _absolute(reverse("subscription_list"))


def notice_mail(delivery: Delivery) -> Mail:
    user, language = delivery.user, delivery.user.language
    link = unsubscribe_url(unsubscribe_token(delivery.subscription), language)
    with translation.override(language):
        following = subscription_label(delivery.subscription)
    mail = mail_render(
        template_prefix="subscriptions/email/notice",
        to=user.email,
        context={
            "recipient": user,
            "notice": event_notice(delivery.event, language),
            "following": following,
            "unsubscribe_url": link,
            "manage_url": _profile_url(language),
        },
        language=language,
    )
    return _list_unsubscribe(mail, link)


def digest_mail(user: User, deliveries: list[Delivery]) -> Mail:
    language = user.language
    items = []
    with translation.override(language):
        for delivery in deliveries:
            items.append(
                {
                    "notice": event_notice(delivery.event, language),
                    "following": subscription_label(delivery.subscription),
                    "unfollow_url": unsubscribe_url(
                        unsubscribe_token(delivery.subscription), language
                    ),
                }
            )
    link = unsubscribe_url(digest_unsubscribe_token(user), language)
    mail = mail_render(
        template_prefix="subscriptions/email/digest",
        to=user.email,
        context={
            "recipient": user,
            "items": items,
            "count": len(items),
            "unsubscribe_url": link,
            "manage_url": _profile_url(language),
        },
        language=language,
    )
    return _list_unsubscribe(mail, link)


def _pending(queryset):
    # Rows another worker holds are skipped, not waited for (PostgreSQL; SQLite has one
    # writer at a time anyway); only the deliveries are locked, not the rows joined to them.
    return queryset.filter(sent_at__isnull=True).select_for_update(skip_locked=True, of=("self",))


def event_deliver(*, event: Event) -> int:
    """Send the event's mails "at once" that are not sent yet, in batches over one connection;
    each batch is marked sent in the transaction that holds its rows. Returns the mails sent."""
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                _pending(Delivery.objects.filter(event=event, frequency=Frequency.IMMEDIATE))
                .with_targets()
                .select_related("user")
                .order_by("pk")[:BATCH]
            )
            if not batch:
                break
            sent += mail_send(*[notice_mail(delivery) for delivery in batch])
            Delivery.objects.filter(pk__in=[d.pk for d in batch]).update(sent_at=timezone.now())
    now = timezone.now()
    Event.objects.filter(pk=event.pk, immediate_done_at__isnull=True).update(immediate_done_at=now)
    if event.revision_id is not None:
        Revision.objects.filter(pk=event.revision_id).update(notified_at=now, notify_error="")
    if event.kind == Event.Kind.DOCUMENT_ADOPTED:
        Adoption.objects.filter(document_id=event.document_id).update(notified_at=now)
    return sent


def digests_send() -> int:
    """Send each person the daily digest of what is waiting for it (everything not sent yet,
    whenever it happened: a day the beat missed is in the next digest), one mail per person;
    nobody with nothing waiting is mailed. Returns the number of digests sent."""
    waiting = (
        Delivery.objects.filter(frequency=Frequency.DAILY, sent_at__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in sorted(set(waiting)):
        with transaction.atomic():
            deliveries = list(
                _pending(Delivery.objects.filter(user_id=user_id, frequency=Frequency.DAILY))
                .with_targets()
                .select_related("event", "user")
                .order_by("event__happened_at", "pk")
            )
            if not deliveries:
                continue
            sent += mail_send(digest_mail(deliveries[0].user, deliveries))
            Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
                sent_at=timezone.now()
            )
    return sent


def events_undelivered(*, older_than_seconds: int = 120) -> Iterable[int]:
    """Events whose mails "at once" have not all gone some time after they were recorded (the
    broker was down when they were queued, or the worker died): the beat sends them again."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return Event.objects.filter(immediate_done_at__isnull=True, happened_at__lt=cutoff).values_list(
        "pk", flat=True
    )[:100]


@shared_task(name="subscriptions.deliver_event", soft_time_limit=240, time_limit=300)
def deliver_event(event_id: int) -> int:
    """Send an event's mails "at once". Idempotent; a failure is recorded on the revision it
    is about (the document page then offers to notify again) and raised for the log."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    try:
        return event_deliver(event=event)
    except Exception as error:
        if event.revision_id is not None:
            Revision.objects.filter(pk=event.revision_id).update(notify_error=repr(error)[:2000])
        raise


@shared_task(name="subscriptions.deliver_pending", soft_time_limit=240, time_limit=300)
def deliver_pending() -> int:
    """The beat's sweep: events whose mails "at once" were never sent (the broker was down)."""
    return sum(deliver_event(pk) for pk in events_undelivered())


@shared_task(name="subscriptions.send_digests", soft_time_limit=1500, time_limit=1800)
def send_digests() -> int:
    """The beat's daily run (18:00 Asia/Almaty): the same service as `manage.py send_digests`."""
    return digests_send()
