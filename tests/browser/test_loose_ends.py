"""The comment history in people's words (issue #15, item 2) and the loose ends of item 8:
nothing English on a Russian page, money written one way, plural group headings, a 2FA code
field one can read."""

import re

import pytest

from accounts.models import User
from consultation.models import Comment
from consultation.services import comment_answer
from tests.browser.test_consultation_journey import (
    DELEGATE,
    SECRETARIAT,
    log_in,
    new_page,
    signed_in,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_delegate_reads_the_history_of_a_comment_in_words(
    browser, demo_site, shot, axe, width, height
):
    comment = Comment.objects.get(author__email=DELEGATE, parent=None)
    comment_answer(
        comment=comment,
        user=User.objects.get(email=SECRETARIAT),
        status="accepted",
        response="Taken into account.",
    )
    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/en/documents/comments/{comment.pk}/")

    history = page.locator("table").last.inner_text()
    assert "Status: Noted → Accepted" in history
    assert "status:" not in history and "proposed_text" not in history
    assert page.locator("table ins").count() >= 1  # the response as a word diff
    assert axe(page) == []
    shot(page, f"comment-history-{width}")


def test_russian_pages_speak_russian_and_write_money_one_way(browser, demo_site, shot, axe):
    page = new_page(browser)
    page.goto(f"{demo_site.url}/ru/initiatives/green-shield/")
    text = page.locator("main").inner_text()
    assert "Demo figure" not in text and "(demo)" not in text
    assert "Демонстрационная цифра" in text
    amounts = re.findall(r"\d[\d\u00a0 ,]*\s(?:USD|EUR)", text)
    assert amounts and not any(",00" in amount for amount in amounts)
    assert axe(page) == []
    shot(page, "initiative-ru")

    page.goto(f"{demo_site.url}/ru/delegations/")
    headings = page.locator("main h2").all_inner_texts()
    assert "Государства-участники" in headings and "Государство-участник" not in headings

    page.goto(f"{demo_site.url}/en/accounts/login/")
    page.locator("input[name=login]").fill(SECRETARIAT)
    page.locator("input[name=password]").fill("demo-pass-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    code = page.get_by_label("Code")
    assert code.bounding_box()["height"] >= 36
    assert float(code.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 20
    assert axe(page) == []
    shot(page, "totp-step")
