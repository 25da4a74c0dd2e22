"""Followers are told what happens: at once, one mail per event in their language, or in the
evening's digest; every mail can be unsubscribed from in one click."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from drafts.models import Revision
from subscriptions import services
from subscriptions.models import Delivery, Event, Subscription
from tests.factories import MembershipFactory, OutcomeDocumentFactory, RevisionFactory

from .conftest import follows


def _unsubscribe_path(message) -> str:
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")
    return "/" + header[1:-1].split("/", 3)[3]


def test_publishing_mails_each_follower_at_once_in_their_language_with_one_click_unsubscribe(
    russian_delegate, english_delegate, draft_revision, publish, settings
):
    publish(draft_revision, summary_ru="Правки", summary_en="Edits")

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {russian_delegate.email, english_delegate.email}
    english, russian = by_recipient[english_delegate.email], by_recipient[russian_delegate.email]
    assert "revision 1 is published" in english.subject
    assert "опубликована редакция 1" in russian.subject
    assert "Edits" in english.body and "Правки" in russian.body
    assert f"{settings.SITE_URL}/en/documents/" in english.body
    assert f"{settings.SITE_URL}/ru/documents/" in russian.body
    for message in (english, russian):
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert _unsubscribe_path(message) in message.body
    assert english.extra_headers["Content-Language"] == "en"
    draft_revision.refresh_from_db()
    assert draft_revision.notified_at is not None


def test_a_daily_follower_gets_one_digest_and_never_the_same_one_twice(
    alice, secretariat, draft_revision, publish, committed
):
    document = draft_revision.document
    with committed():
        subscription, created = services.subscription_follow(
            user=alice, target_type="document", target=document, frequency="daily"
        )
    assert created

    publish(draft_revision, summary_en="First round")
    assert mail.outbox == []  # nothing at once for a daily follower

    call_command("send_digests")
    assert [m.to for m in mail.outbox] == [[alice.email]]
    digest = mail.outbox[0]
    assert "revision 1 is published" in digest.body or "редакция 1" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    call_command("send_digests")
    assert len(mail.outbox) == 1  # run again: nothing new, nothing sent

    # Its unsubscribe link works without a login: the one-click POST ends the digest.
    assert Client(enforce_csrf_checks=True).post(_unsubscribe_path(digest)).status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_day_with_nothing_sends_no_digest(alice, published_revision, committed):
    with committed():
        services.subscription_follow(
            user=alice,
            target_type="document",
            target=published_revision.document,
            frequency="daily",
        )
    assert services.digests_send() == 0
    assert mail.outbox == []


def test_a_digest_that_failed_to_send_is_sent_by_the_next_run(
    alice, draft_revision, publish, committed, monkeypatch
):
    with committed():
        services.subscription_follow(
            user=alice, target_type="document", target=draft_revision.document, frequency="daily"
        )
    publish(draft_revision)

    def smtp_down(*mails):
        raise ConnectionError("SMTP unreachable")

    with monkeypatch.context() as patched:
        patched.setattr(services, "mail_send", smtp_down)
        with pytest.raises(ConnectionError):
            services.digests_send()
    assert Delivery.objects.filter(user=alice, sent_at__isnull=True).count() == 1

    assert services.digests_send() == 1
    assert services.digests_send() == 0
    assert len(mail.outbox) == 1


def test_announcing_a_revision_twice_tells_nobody_twice(english_delegate, draft_revision, publish):
    from drafts.services import revision_announce

    revision = publish(draft_revision)
    publish_again = revision_announce
    publish_again(revision)
    assert len(mail.outbox) == 1
    assert Event.objects.count() == 1


def test_unfollowing_before_the_digest_drops_what_was_waiting(
    alice, draft_revision, publish, committed
):
    with committed():
        subscription, _ = services.subscription_follow(
            user=alice, target_type="document", target=draft_revision.document, frequency="daily"
        )
    publish(draft_revision)
    services.subscription_unfollow(subscription=subscription)
    assert services.digests_send() == 0


# --- Unsubscribing from the mail, without logging in.


def test_the_unsubscribe_link_works_without_login_get_confirms_and_post_unsubscribes(
    english_delegate, draft_revision, publish
):
    publish(draft_revision)
    path = _unsubscribe_path(mail.outbox[0])
    anonymous = Client(enforce_csrf_checks=True)
    document = draft_revision.document

    page = anonymous.get(path)
    assert page.status_code == 200
    assert document.symbol in page.content.decode()
    assert follows(english_delegate, document=document) is not None  # GET changes nothing

    # The mail client's one-click POST: no cookie, no CSRF token (RFC 8058).
    answer = anonymous.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200
    assert follows(english_delegate, document=document) is None
    # The link used again stops nothing more and still answers.
    assert anonymous.post(path).status_code == 200


def test_a_tampered_unsubscribe_link_is_refused(english_delegate, draft_revision, publish):
    publish(draft_revision)
    path = _unsubscribe_path(mail.outbox[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    value, signature = token.rsplit(":", 1)
    forged = path.replace(
        token, value + ":" + ("A" if signature[0] != "A" else "B") + signature[1:]
    )
    other_salt = path.replace(token, "eyJ1IjoxLCJzIjoxfQ:1:abc")

    for bad in (forged, other_salt):
        assert Client().post(bad).status_code == 400
        assert Client().get(bad).status_code == 400
    assert follows(english_delegate, document=draft_revision.document) is not None


def test_the_digest_link_stops_the_daily_digest_only(alice, published_revision, committed):
    other_document = OutcomeDocumentFactory()
    RevisionFactory(document=other_document, state="published", published_at=timezone.now())
    with committed():
        services.subscription_follow(
            user=alice,
            target_type="document",
            target=published_revision.document,
            frequency="daily",
        )
        services.subscription_follow(
            user=alice, target_type="document", target=other_document, frequency="immediate"
        )
    path = reverse("unsubscribe", args=[services.digest_unsubscribe_token(alice)])
    assert Client().post(path).status_code == 200
    assert list(Subscription.objects.filter(user=alice).values_list("frequency", flat=True)) == [
        "immediate"
    ]


# --- Delegates follow their summit's documents by default.


def test_delegates_follow_a_document_when_it_is_first_published_and_can_stop(
    alice, bob, draft_revision, publish, secretariat
):
    revision = publish(draft_revision)
    document = revision.document
    assert follows(alice, document=document).by_default
    assert follows(bob, document=document).frequency == "immediate"
    assert follows(secretariat, document=document) is None  # not a delegate

    services.subscription_unfollow(subscription=follows(alice, document=document))
    mail.outbox.clear()
    publish(document.revisions.get(state="draft"))
    assert follows(alice, document=document) is None  # unfollowed is for good
    assert [m.to for m in mail.outbox] == [[bob.email]]


def test_a_new_delegate_follows_the_published_documents(published_revision, committed):
    with committed():
        newcomer = MembershipFactory(user__email="new@example.org").user
    assert follows(newcomer, document=published_revision.document).by_default


def test_a_failed_send_leaves_notified_at_empty_and_records_the_error(
    english_delegate, draft_revision, publish, monkeypatch
):
    def smtp_down(*mails):
        raise ConnectionError("SMTP unreachable")

    monkeypatch.setattr(services, "mail_send", smtp_down)
    publish(draft_revision)  # the publication stands; the failure is logged after its commit
    draft_revision.refresh_from_db()
    assert draft_revision.notified_at is None
    assert "SMTP unreachable" in draft_revision.notify_error
    assert Revision.objects.get(pk=draft_revision.pk).is_published
