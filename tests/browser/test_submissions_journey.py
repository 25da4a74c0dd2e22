"""Written submissions in a browser (issue 28, part 2): a head of delegation submits to the
demo's open call, sees the receipt, replaces the text, and is refused once the deadline has
passed; the secretariat opens a call and sees what came in. At a phone's and a laptop's
width, in Russian and English, with axe."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from submissions.models import Call
from submissions.services import submission_submit
from tests.browser.test_consultation_journey import SECRETARIAT
from tests.browser.test_registration_journey import (
    SIZES,
    context_page,
    enter_totp,
    fits,
    log_in,
)

pytestmark = pytest.mark.browser
HEAD = "head-kz@example.org"
ALMATY = "almaty-preparatory-2026"


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("width,height", SIZES)
def test_a_head_submits_sees_the_receipt_and_is_refused_after_the_deadline(
    browser, demo_site, shot, axe, width, height, language
):
    call = Call.objects.get(meeting__slug=ALMATY)
    page = context_page(browser, width, height)
    log_in(page, demo_site, HEAD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)

    page.goto(f"{demo_site.url}/{language}/programme/{ALMATY}/")
    page.locator(f"a[href='/{language}/calls/{call.pk}/']").click()
    page.wait_for_load_state()
    assert "Almaty, UTC+5" in page.content() or "Алматы, UTC+5" in page.content()
    assert axe(page) == []
    assert fits(page)
    shot(page, f"call-head-{language}-{width}")

    page.locator("textarea[name=text]").fill("[Demo text] Kazakhstan proposes a dryland fund.")
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(lambda url: "/calls/submissions/" in url)
    number = page.locator(".receipt-number").inner_text()
    assert number.startswith(f"RES-2026-SUB-{call.pk}-")
    assert axe(page) == []
    assert fits(page)
    shot(page, f"receipt-{language}-{width}")

    # Replaced: the same number, the new text.
    page.goto(f"{demo_site.url}/{language}/calls/{call.pk}/")
    page.locator("textarea[name=text]").fill("[Demo text] Kazakhstan proposes a fund, revised.")
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(lambda url: "/calls/submissions/" in url)
    assert page.locator(".receipt-number").inner_text() == number
    assert "revised" in page.locator(".submission-text").inner_text()

    # The form is open when the deadline passes; sending it then is refused, naming it.
    page.goto(f"{demo_site.url}/{language}/calls/{call.pk}/")
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    page.locator("textarea[name=text]").fill("[Demo text] Too late.")
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_load_state()
    refusal = page.locator(".messages").inner_text()
    assert "UTC+5" in refusal
    assert page.locator("textarea[name=text]").count() == 0
    assert "UTC+5" in page.locator("p.deadline").inner_text()
    assert axe(page) == []
    assert fits(page)
    shot(page, f"call-closed-{language}-{width}")
    call.refresh_from_db()
    assert "Too late" not in call.submissions.get().text


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("width,height", SIZES)
def test_the_secretariat_opens_a_call_and_sees_the_submissions(
    browser, demo_site, shot, axe, width, height, language
):
    page = context_page(browser, width, height)
    log_in(page, demo_site, SECRETARIAT, language)
    enter_totp(page, SECRETARIAT)

    page.goto(f"{demo_site.url}/{language}/programme/{ALMATY}/")
    page.locator(f"a[href='/{language}/calls/open/{ALMATY}/']").click()
    page.wait_for_load_state()
    assert axe(page) == []
    assert fits(page)
    shot(page, f"call-new-{language}-{width}")
    page.locator("input[name=subject_en]").fill("[Demo text] Example: views on saxaul forests")
    deadline = (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%dT18:00")
    page.locator("input[name=deadline]").fill(deadline)
    page.locator("select[name=who]").select_option("states")
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(lambda url: "/calls/open/" not in url)
    call = Call.objects.get(subject_en__contains="saxaul")
    assert call.who == "states"
    assert timezone.localtime(call.deadline).hour == 18
    assert "(0)" in page.locator("#received").inner_text()
    assert axe(page) == []
    assert fits(page)
    shot(page, f"call-secretariat-{language}-{width}")

    # The demo's call, with one submission, closes; the secretariat publishes it.
    demo_call = Call.objects.get(meeting__slug=ALMATY, subject_en__contains="Example call")
    head = User.objects.get(email=HEAD)
    submission_submit(call=demo_call, user=head, text="[Demo text] Kazakhstan proposes a fund.")
    Call.objects.filter(pk=demo_call.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    page.goto(f"{demo_site.url}/{language}/programme/{ALMATY}/")
    assert axe(page) == []
    assert fits(page)
    shot(page, f"meeting-calls-{language}-{width}")
    page.goto(f"{demo_site.url}/{language}/calls/{demo_call.pk}/")
    assert "(1)" in page.locator("#received").inner_text()
    page.locator("form[action$='/publish/'] button").click()
    page.wait_for_load_state()
    symbol = page.locator(".facts dd a").last.inner_text()
    assert symbol.endswith("/MISC/1")
    shot(page, f"call-published-{language}-{width}")
    assert axe(page) == []
    assert fits(page)
