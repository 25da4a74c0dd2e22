"""The reader carries each paragraph's count of comments, not the comments: they open in place
when asked for, without a reload; without JavaScript a link reloads the page with them open,
and a link to a comment opens its paragraph's (issue #16)."""

import pytest
from playwright.sync_api import expect

from consultation.models import Comment
from tests.browser.test_consultation_journey import (
    DELEGATE,
    log_in,
    new_page,
    open_comments,
    operative,
    signed_in,
)

pytestmark = pytest.mark.browser


def test_a_delegate_on_a_phone_opens_a_paragraphs_comments_without_a_reload(
    browser, demo_site, shot, axe
):
    page = new_page(browser)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/en/documents/declaration/rev/1/")
    page.evaluate("window.notReloaded = true")
    op1 = operative(page, 1)
    assert page.locator("li.comment").count() == 0

    open_comments(op1)

    assert page.evaluate("window.notReloaded") is True
    assert op1.locator("li.comment").count() >= 1
    assert axe(page) == []
    shot(page, "reader-comments-opened-390")
    op1.get_by_role("button", name="Comment on this paragraph").click()
    expect(op1.get_by_label("Comment", exact=True)).to_be_focused()
    op1.get_by_label("From line").select_option(index=1)  # the cited line is marked
    expect(op1.locator(".line.cited")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out
    shot(page, "reader-form-opened-390")
    op1.get_by_role("button", name="Comment on this paragraph").click()  # and closed again
    expect(op1.get_by_label("Comment", exact=True)).to_be_hidden()


def test_without_javascript_links_open_the_comments_and_the_form(browser, demo_site, shot):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1366, "height": 768}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/en/documents/declaration/rev/1/")
    op1 = operative(page, 1)

    op1.locator(".para-actions a").first.click()  # "1 comment", a plain link here
    page.wait_for_url("**/rev/1/?open=*#OP1")
    assert operative(page, 1).locator("li.comment").count() >= 1
    shot(page, "reader-no-js-comments")

    operative(page, 1).get_by_role("link", name="Comment on this paragraph").click()
    page.wait_for_url("**/rev/1/?write=*#OP1")
    operative(page, 1).get_by_label("Comment", exact=True).fill("Sent without JavaScript.")
    operative(page, 1).get_by_role("button", name="Send").click()
    page.wait_for_url("**/rev/1/?open=*#c-*")
    comment = Comment.objects.get(body="Sent without JavaScript.")
    assert "Sent without JavaScript." in page.locator(f"#c-{comment.pk}").inner_text()
    context.close()


def test_a_link_to_a_comment_opens_its_paragraphs_comments_on_it(browser, demo_site):
    comment = (
        Comment.objects.filter(paragraph__isnull=False, visibility="all", hidden_at__isnull=True)
        .order_by("pk")
        .first()
    )
    page = new_page(browser)
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/en/documents/comments/{comment.pk}/")

    page.get_by_role("link", name="In the text").click()

    expect(page.locator(f"#c-{comment.pk}")).to_be_in_viewport()
