"""The secretariat's screens (issue #27, items 2, 3 and 5): one header row at 1366 px in
Russian, triage no wider than a phone, text in the other language marked with `lang`."""

import pytest

from tests.browser.test_consultation_journey import SECRETARIAT, enter_totp, log_in, new_page

pytestmark = pytest.mark.browser

# The distinct tops of the header's items: one row is one top (within a few pixels).
HEADER_ROWS = """() => {
  const items = [...document.querySelectorAll(".site-header .brand, .site-header nav li, .site-header .site-search, .site-header .lang li")];
  const tops = items.map((el) => Math.round(el.getBoundingClientRect().top));
  return [...new Set(tops.map((t) => Math.round(t / 8)))].length;
}"""


def secretariat_page(browser, site, width, height):
    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, site, SECRETARIAT)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    enter_totp(page, SECRETARIAT)
    return page


def test_the_secretariats_russian_header_is_one_row_at_1366(browser, demo_site, shot):
    page = secretariat_page(browser, demo_site, 1366, 768)
    for name, path in [
        ("triage", "/ru/documents/triage/"),
        ("editor", "/ru/documents/declaration/draft/"),
        ("compare", "/ru/documents/declaration/compare/"),
        ("dashboard", "/ru/documents/dashboard/"),
    ]:
        page.goto(f"{demo_site.url}{path}")
        shot(page, f"header-ru-{name}-1366")
        assert page.evaluate(HEADER_ROWS) == 1, name


# Every text node holding Cyrillic, with the language of its nearest `lang`: on an English
# page each must be inside lang="ru" (WCAG 3.1.2, issue #27 item 5).
CYRILLIC_OUTSIDE_RU = """() => {
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[\\u0400-\\u04FF]/.test(node.textContent)) continue;
    const element = node.parentElement;
    if (element.closest("[lang]").getAttribute("lang") !== "ru") found.push(node.textContent.trim().slice(0, 60));
  }
  return found;
}"""


def test_russian_text_on_english_pages_is_marked_russian(browser, demo_site, shot):
    from tests.browser.test_consultation_journey import DELEGATE, signed_in

    delegate = new_page(browser)
    log_in(delegate, demo_site, DELEGATE)
    delegate.wait_for_url(signed_in)
    # A Russian answer to the delegation's comment, given while the delegate is away.
    from accounts.models import User
    from consultation.models import Comment
    from consultation.services import comment_answer

    comment = Comment.objects.filter(author__email=DELEGATE).first()
    comment_answer(
        comment=comment,
        user=User.objects.get(email=SECRETARIAT),
        status="accepted",
        response="Учтено в ред. 2.",
        language="ru",
    )
    delegate.goto(f"{demo_site.url}/en/documents/dashboard/")
    shot(delegate, "dashboard-en")
    assert "Учтено в ред. 2." in delegate.locator("main").inner_text()
    assert delegate.evaluate(CYRILLIC_OUTSIDE_RU) == []
    delegate.goto(f"{demo_site.url}/en/documents/comments/{comment.pk}/")
    assert delegate.evaluate(CYRILLIC_OUTSIDE_RU) == []

    page = secretariat_page(browser, demo_site, 1366, 768)
    page.goto(f"{demo_site.url}/en/documents/triage/")
    assert page.evaluate(CYRILLIC_OUTSIDE_RU) == []


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_triage_fits_the_screen_with_one_layout_per_comment(
    browser, demo_site, shot, axe, width, height
):
    page = secretariat_page(browser, demo_site, width, height)
    for language in ("ru", "en"):
        page.goto(f"{demo_site.url}/{language}/documents/triage/")
        shot(page, f"triage-{language}-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        items = page.locator("ol.triage-list > li.comment")
        assert items.count() >= 3
        # Every comment, on a paragraph or on the whole document, has the same parts.
        for part in (".triage-paragraph", ".triage-comment", "form.answer-form", ".triage-hide"):
            assert page.locator(f"ol.triage-list > li.comment {part}").count() == items.count()
        # The response's label stands above its box; hiding is behind a disclosure.
        first = items.first
        label = first.locator(".answer-response label").bounding_box()
        box = first.locator(".answer-response textarea").bounding_box()
        assert label["y"] + label["height"] <= box["y"] + 1
        assert not first.locator("input[name=reason]").is_visible()
    if width == 1366:
        # The paragraph and the proposal side by side.
        row = page.locator("ol.triage-list > li.comment .triage-row").first
        left = row.locator(".triage-paragraph").bounding_box()
        right = row.locator(".triage-comment").bounding_box()
        assert left["x"] + left["width"] <= right["x"]
    assert axe(page) == []
