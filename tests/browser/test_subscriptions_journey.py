"""Following by clicks (issue #28, part 4): a delegate stops the default "at once" mail of the
declaration, follows it again with the daily digest from its page, sees it among their
subscriptions, unfollows it there; the unsubscribe page of a mail works without a login."""

import pytest

from accounts.models import User
from programme.models import Meeting
from subscriptions.models import Subscription
from subscriptions.services import unsubscribe_token
from tests.browser.test_consultation_journey import DELEGATE, log_in, new_page, signed_in

pytestmark = pytest.mark.browser

WORDS = {
    "en": {
        "box": "Updates by e-mail",
        "stop": "Stop following",
        "daily": "Daily digest",
        "follow": "Follow",
        "following_daily": "You follow this: in the daily digest",
        "mine": "My subscriptions",
        "unsubscribe": "Unsubscribe",
        "done": "Done: you will receive no more mails for this.",
    },
    "ru": {
        "box": "Новости по электронной почте",
        "stop": "Отписаться",
        "daily": "Ежедневная сводка",
        "follow": "Подписаться",
        "following_daily": "Вы подписаны: ежедневная сводка",
        "mine": "Мои подписки",
        "unsubscribe": "Отписаться",
        "done": "Готово: больше писем об этом не будет.",
    },
}


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_delegate_follows_a_document_daily_from_its_page_and_unfollows(
    browser, demo_site, shot, axe, width, height, lang
):
    words = WORDS[lang]
    site = demo_site
    delegate = User.objects.get(email=DELEGATE)
    # Delegates follow the published documents by default ("at once").
    default = Subscription.objects.get(user=delegate, document__slug="declaration")
    assert default.by_default and default.frequency == "immediate"

    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{site.url}/{lang}/documents/declaration/")
    box = page.get_by_role("region", name=words["box"])
    box.get_by_role("button", name=words["stop"]).click()
    box = page.get_by_role("region", name=words["box"])
    box.get_by_label(words["daily"]).check()
    assert axe(page) == []
    shot(page, f"document-follow-{lang}-{width}")
    box.get_by_role("button", name=words["follow"], exact=True).click()
    box = page.get_by_role("region", name=words["box"])
    assert words["following_daily"] in box.inner_text()
    assert (
        Subscription.objects.get(user=delegate, document__slug="declaration").frequency == "daily"
    )
    shot(page, f"document-followed-{lang}-{width}")

    box.get_by_role("link", name=words["mine"]).click()
    page.wait_for_url(f"**/{lang}/subscriptions/")
    row = page.locator("li.subscription", has_text="RES-2026/DECL")
    assert row.get_by_role("combobox").input_value() == "daily"
    assert axe(page) == []
    shot(page, f"subscriptions-{lang}-{width}")
    row.get_by_role("button", name=words["stop"]).click()
    page.wait_for_url(f"**/{lang}/subscriptions/")
    assert page.locator("li.subscription", has_text="RES-2026/DECL").count() == 0
    assert not Subscription.objects.filter(user=delegate, document__slug="declaration").exists()

    # The meeting page offers the same box.
    meeting = Meeting.objects.order_by("pk").first()
    page.goto(f"{site.url}/{lang}/programme/{meeting.slug}/")
    assert page.get_by_role("region", name=words["box"]).is_visible()
    assert axe(page) == []
    shot(page, f"meeting-follow-{lang}-{width}")


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_the_unsubscribe_link_of_a_mail_works_without_a_login(
    browser, demo_site, shot, axe, width, height, lang
):
    words = WORDS[lang]
    delegate = User.objects.get(email=DELEGATE)
    subscription = Subscription.objects.filter(user=delegate).first()
    page = new_page(browser)  # nobody logged in
    page.set_viewport_size({"width": width, "height": height})
    page.goto(
        f"{demo_site.url}/{lang}/subscriptions/unsubscribe/{unsubscribe_token(subscription)}/"
    )
    assert subscription.document.symbol in page.locator("main").inner_text()
    assert axe(page) == []
    shot(page, f"unsubscribe-{lang}-{width}")
    page.get_by_role("button", name=words["unsubscribe"]).click()
    assert words["done"] in page.get_by_role("status").inner_text()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    shot(page, f"unsubscribed-{lang}-{width}")


@pytest.mark.parametrize("lang,width,height", [("ru", 390, 844), ("en", 1366, 768)])
def test_a_delegate_follows_a_document_of_the_register_from_its_page(
    browser, demo_site, shot, axe, lang, width, height
):
    from register.models import Document

    words = WORDS[lang]
    delegate = User.objects.get(email=DELEGATE)
    document = Document.objects.filter(series="INF").order_by("pk").first()
    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/{lang}/programme/{document.meeting.slug}/documents/{document.pk}/")
    box = page.get_by_role("region", name=words["box"])
    box.get_by_role("button", name=words["follow"], exact=True).click()

    box = page.get_by_role("region", name=words["box"])
    assert box.get_by_role("button", name=words["stop"]).is_visible()
    assert Subscription.objects.get(user=delegate, register_document=document).frequency == (
        "immediate"
    )
    assert axe(page) == []
    shot(page, f"register-document-followed-{lang}-{width}")
