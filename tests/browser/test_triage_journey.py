"""Triage by clicks and keys (issue #15, item 10): each comment beside its paragraph, an answer
in place without a reload, one status for several comments, filters in the URL, J/K."""

import pytest
from playwright.sync_api import expect

from consultation.models import Comment
from tests.browser.test_consultation_journey import SECRETARIAT, enter_totp, log_in, new_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_the_secretariat_triages_in_place(browser, demo_site, shot, axe, width, height):
    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, demo_site, SECRETARIAT)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    enter_totp(page, SECRETARIAT)
    page.wait_for_url("**/en/documents/triage/")

    # The amendment beside its paragraph, as a word diff against it.
    amendment = Comment.objects.get(kind="amendment")
    item = page.locator(f"#c-{amendment.pk}")
    assert "обязуемся активизировать" in item.locator(".triage-paragraph").inner_text()
    assert item.locator(".proposed ins").count() >= 1
    assert axe(page) == []
    shot(page, f"triage-{width}")

    # Answered in place: no navigation, the row says so.
    url = page.url
    item.get_by_label("Status").select_option("partly")
    item.get_by_label("Response").fill("Partly taken into account in Rev.2.")
    item.get_by_role("button", name="Answer").click()
    expect(item.locator(".inline-message")).to_have_text("The answer has been recorded.")
    expect(item.locator(".status-label")).to_have_text("Partly accepted")
    assert page.url == url
    shot(page, f"triage-answered-{width}")

    # J moves from one comment to the next.
    page.locator("h1").click()
    page.keyboard.press("j")
    first = page.locator("ol.triage-list > li").first
    expect(first).to_be_focused()
    page.keyboard.press("j")
    expect(page.locator("ol.triage-list > li").nth(1)).to_be_focused()

    # One status for several comments.
    ids = list(Comment.objects.filter(status="open").values_list("pk", flat=True))
    for pk in ids:
        page.locator(f"#sel-{pk}").check()
    page.get_by_label("Set the status of the selected comments to").select_option("noted")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"noted"}

    # Filters live in the URL: a link to them shows the same list.
    page.goto(f"{demo_site.url}/en/documents/triage/?kind=amendment&paragraph=OP4")
    assert page.locator("ol.triage-list > li.comment").count() == 1
    assert page.get_by_label("Kind").input_value() == "amendment"
