"""A delegate cites lines by clicking their numbers in the reader, and "OP3, l. 17–18 (en)"
is what everybody then sees: the dashboard, the comment page, triage, the compilation and the
API (issue #14). Nobody sees a database position."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from consultation.models import Comment
from tests.browser.test_consultation_journey import (
    DELEGATE,
    SECRETARIAT,
    enter_totp,
    log_in,
    new_page,
    operative,
    signed_in,
)

pytestmark = pytest.mark.browser

CITATION = re.compile(r"OP3, l\. (\d+)–(\d+) \(en\)")


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_delegate_cites_lines_of_op3_and_everybody_sees_the_citation(
    browser, demo_site, shot, axe, width, height
):
    site = demo_site
    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{site.url}/en/documents/declaration/rev/1/")
    op3 = operative(page, 3)
    numbers = op3.locator("a.ln")
    first, last = numbers.first.inner_text(), numbers.last.inner_text()
    assert int(last) > int(first)  # OP3 takes two lines in English

    numbers.first.click()
    numbers.last.click(modifiers=["Shift"])
    assert op3.get_by_label("From line").input_value() == first
    assert op3.get_by_label("to line").input_value() == last
    assert op3.locator(".line.cited").count() == int(last) - int(first) + 1
    op3.get_by_label("Comment", exact=True).fill("These two lines should name saxaul forests.")
    assert axe(page) == []
    shot(page, f"citing-lines-{width}")
    with page.expect_navigation(url="**/rev/1/?open=*#c-*"):
        op3.get_by_role("button", name="Send").click()

    cited = f"OP3, l. {first}–{last} (en)"
    comment = Comment.objects.get(body__startswith="These two lines")
    assert (comment.line_first, comment.line_last, comment.cited_language) == (
        int(first),
        int(last),
        "en",
    )
    assert f"l. {first}–{last} (en)" in op3.locator("li.comment .comment-meta").inner_text()
    assert page.locator(f"#c-{comment.pk}").is_visible()

    page.goto(f"{site.url}/en/documents/dashboard/")
    assert cited in page.locator("main").inner_text()
    page.goto(f"{site.url}/en/documents/comments/{comment.pk}/")
    assert cited in page.locator("main").inner_text()
    shot(page, f"cited-comment-page-{width}")
    api = page.request.get(f"{site.url}/api/v1/comments/{comment.pk}/?lang=en").json()
    assert (api["paragraph_label"], api["citation"]) == ("OP3", cited)
    api_ru = page.request.get(f"{site.url}/api/v1/comments/{comment.pk}/").json()
    assert api_ru["citation"] == f"ОП3, стр. {first}–{last} (en)"
    assert (api["line_first"], api["line_last"], api["cited_language"]) == (
        int(first),
        int(last),
        "en",
    )

    secretariat = new_page(browser)
    log_in(secretariat, site, SECRETARIAT)
    secretariat.wait_for_url("**/accounts/2fa/authenticate/")
    enter_totp(secretariat, SECRETARIAT)
    secretariat.goto(f"{site.url}/en/documents/triage/?paragraph=OP3")
    triage = secretariat.locator("main").inner_text()
    assert cited in triage
    assert "¶" not in triage
    compilation = secretariat.request.get(
        f"{site.url}/en/documents/declaration/rev/1/compilation.csv"
    )
    rows = list(csv.reader(io.StringIO(compilation.body().decode("utf-8-sig"))))
    assert ["OP3", f"l. {first}–{last} (en)"] in [row[:2] for row in rows]


def test_on_a_phone_tapping_a_line_number_opens_a_comment_citing_that_line(
    browser, demo_site, shot
):
    """Issue #27: at 390 px, in the reflowed reader, the number of a PDF line is a target one
    taps (at least 24 px) and the comment form then cites that line."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/en/documents/declaration/rev/1/")
    op3 = operative(page, 3)
    number = op3.locator("a.ln").last
    box = number.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert float(op3.locator(".lt").first.evaluate("e => getComputedStyle(e).fontSize")[:-2]) >= 16
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    number.tap()
    line = number.inner_text()
    expect(op3.get_by_label("From line")).to_have_value(line)
    assert op3.get_by_label("to line").input_value() == line
    assert op3.locator(".line.cited").count() == 1
    shot(page, "tapped-line-390")
    context.close()
