"""Two digest runs at once (a beat that fired twice, a hand run during the beat's) send each
person one digest: the second skips the rows the first holds (PostgreSQL's SKIP LOCKED)."""

import contextlib
import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from subscriptions import services
from subscriptions.models import Delivery, Event, Subscription
from tests.factories import MembershipFactory, OutcomeDocumentFactory


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_two_digest_runs_at_once_send_each_person_one_digest(monkeypatch):
    document = OutcomeDocumentFactory()
    event = Event.objects.create(
        kind="document_adopted",
        key="adoption:concurrency",
        document=document,
        data={"symbol": "X", "title": {"en": "X"}, "url": ["home", []]},
        happened_at=timezone.now(),
    )
    for n in range(6):
        user = MembershipFactory(user__email=f"d{n}@example.org").user
        subscription = Subscription.objects.create(
            user=user, target_type="document", document=document, frequency="daily"
        )
        Delivery.objects.create(
            event=event, user=user, subscription=subscription, frequency="daily"
        )
    barrier = threading.Barrier(2)
    real_send = services.mail_send

    first = threading.local()

    def slow_send(*mails):
        # Each run's first digest waits until the other run holds one too: both are inside.
        if not getattr(first, "done", False):
            first.done = True
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=5)
        return real_send(*mails)

    monkeypatch.setattr(services, "mail_send", slow_send)
    sent = []

    def run():
        try:
            sent.append(services.digests_send())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sum(sent) == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"d{n}@example.org" for n in range(6))
    assert not Delivery.objects.filter(sent_at__isnull=True).exists()
