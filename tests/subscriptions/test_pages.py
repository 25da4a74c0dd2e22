"""The follow box on the pages, the list of one's subscriptions, and who may change what."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

from submissions.models import Call
from subscriptions.models import Subscription


def test_a_visitor_is_invited_to_log_in_to_follow(client, published_revision, english):
    page = client.get(published_revision.document.get_absolute_url()).content.decode()
    assert "Updates by e-mail" in page
    assert reverse("account_login") in page
    assert 'name="frequency"' not in page


def test_a_delegate_follows_a_document_daily_from_its_page_and_unfollows(
    client, alice, published_revision, english
):
    document = published_revision.document
    Subscription.objects.filter(user=alice).delete()  # not the delegate's default here
    client.force_login(alice)
    url = document.get_absolute_url()
    assert 'name="frequency"' in client.get(url).content.decode()

    answer = client.post(
        reverse("subscription_follow"),
        {"target_type": "document", "target": document.pk, "frequency": "daily", "next": url},
    )
    assert answer.status_code == 302 and answer["Location"] == url
    subscription = Subscription.objects.get(user=alice, document=document)
    assert subscription.frequency == "daily"
    assert "daily digest" in client.get(url).content.decode()

    listing = client.get(reverse("subscription_list")).content.decode()
    assert document.symbol in listing

    client.post(
        reverse("subscription_frequency", args=[subscription.pk]), {"frequency": "immediate"}
    )
    subscription.refresh_from_db()
    assert subscription.frequency == "immediate"
    client.post(reverse("subscription_unfollow", args=[subscription.pk]))
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_an_unpublished_draft_cannot_be_followed_by_a_delegate(client, alice, draft_revision):
    client.force_login(alice)
    client.post(
        reverse("subscription_follow"),
        {"target_type": "document", "target": draft_revision.document.pk, "frequency": "daily"},
    )
    assert not Subscription.objects.filter(user=alice).exists()


def test_nobody_changes_or_ends_someone_elses_subscription(client, alice, bob, published_revision):
    theirs = Subscription.objects.create(
        user=bob, target_type="document", document=published_revision.document
    )
    client.force_login(alice)
    assert client.post(reverse("subscription_unfollow", args=[theirs.pk])).status_code == 404
    assert (
        client.post(
            reverse("subscription_frequency", args=[theirs.pk]), {"frequency": "daily"}
        ).status_code
        == 404
    )
    theirs.refresh_from_db()
    assert theirs.frequency == "immediate"


def test_the_pages_need_a_login_and_refuse_an_outside_next(client, alice, published_revision):
    assert client.get(reverse("subscription_list")).status_code == 302
    assert client.post(reverse("subscription_follow"), {}).status_code == 302
    client.force_login(alice)
    answer = client.post(
        reverse("subscription_follow"),
        {
            "target_type": "document",
            "target": published_revision.document.pk,
            "frequency": "daily",
            "next": "https://evil.example/",
        },
    )
    assert answer["Location"] == reverse("subscription_list")


def test_the_meeting_page_offers_to_follow(client, alice, meeting, english):
    client.force_login(alice)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Updates by e-mail" in page and 'value="meeting"' in page


def test_a_call_page_offers_to_follow_the_call(client, alice, meeting, secretariat, english):
    call = Call.objects.create(
        meeting=meeting,
        subject_en="Inputs",
        deadline=timezone.now() + timedelta(days=2),
        who="all",
        opened_by=secretariat,
    )
    client.force_login(alice)
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Updates by e-mail" in page and 'value="call"' in page


def test_a_register_documents_page_offers_to_follow_it(client, alice, register_document, english):
    document = register_document
    client.force_login(alice)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Updates by e-mail" in page and 'value="register_document"' in page
    assert "a revision, an addendum or a corrigendum" in page


def test_the_profile_links_to_the_subscriptions(client, alice, published_revision, english):
    Subscription.objects.create(
        user=alice, target_type="document", document=published_revision.document
    )
    client.force_login(alice)
    page = client.get(reverse("profile")).content.decode()
    assert "You follow 1 item by e-mail." in page
    assert reverse("subscription_list") in page


def test_a_visitor_is_asked_to_log_in_to_follow_and_comes_back(client, meeting):
    with translation.override("ru"):
        url = meeting.get_absolute_url()
    page = client.get(url).content.decode()
    assert f'<a href="/ru/accounts/login/?next={url}">Войдите</a>, чтобы подписаться' in page
