"""The reader is quiet: a count of comments per paragraph and one action per paragraph (none
on headings), the head's position inside it (issue #15, item 5); both open in place, fetched
when asked for (issue #16)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_consultation_journey import log_in, new_page, operative, signed_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_head_finds_one_action_per_paragraph_and_the_counts(
    browser, demo_site, shot, axe, width, height
):
    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, demo_site, "head-kz@example.org")
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/en/documents/declaration/rev/1/")

    headings = page.locator("section.para-block:has(h2.para)")
    assert headings.count() == 2
    assert headings.locator(".para-actions").count() == 0
    paragraphs = page.locator("section.para-block:not(:has(h2.para))")
    write = page.get_by_role("button", name="Comment or record your position")
    assert write.count() == paragraphs.count()
    op1 = operative(page, 1)
    comments = op1.get_by_role("button", name="1 comment")
    assert comments.get_attribute("aria-expanded") == "false"
    assert op1.locator("li.comment").count() == 0  # not on the page until asked for

    comments.click()
    expect(op1.locator("li.comment")).to_have_count(1)
    assert comments.get_attribute("aria-expanded") == "true"
    op1.get_by_text("Comment or record your position").click()
    op1.get_by_label("Position").select_option("reservation")
    op1.get_by_label("Reason").fill("Kazakhstan would name the Aral Sea basin here.")
    assert axe(page) == []
    shot(page, f"reader-head-actions-{width}")
    op1.get_by_role("button", name="Record", exact=True).click()
    page.wait_for_load_state()
    assert "Reservation" in operative(page, 1).locator(".position").inner_text()
