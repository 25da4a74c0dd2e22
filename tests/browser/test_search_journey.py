"""Search from the header's box, in Russian and in English, on a phone and at 1366 px: word
forms found, snippets marked, a word of the unpublished draft found by the secretariat only,
and nothing axe finds serious."""

import pytest

from tests.browser.test_consultation_journey import new_page
from tests.browser.test_secretariat_screens import HEADER_ROWS, secretariat_page

pytestmark = pytest.mark.browser

SIZES = [(390, 844), (1366, 768)]


def search_from_header(page, words: str) -> None:
    box = page.locator(".site-header .site-search input[name=q]")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")


@pytest.mark.parametrize("width,height", SIZES)
def test_a_visitor_searches_from_the_header_in_russian_and_english(
    browser, demo_site, shot, axe, width, height
):
    page = new_page(browser)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{demo_site.url}/ru/")
    search_from_header(page, "деградация")

    results = page.locator(".search-result")
    assert results.count() >= 1
    marks = page.locator(".search-result mark").all_inner_texts()
    assert any(
        mark.lower().startswith("деградац") and mark.lower() != "деградация" for mark in marks
    )
    shot(page, f"search-ru-{width}")
    assert axe(page) == []
    # The phone's page is no wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(f"{demo_site.url}/en/")
    search_from_header(page, "restore")
    marks = [mark.lower() for mark in page.locator(".search-result mark").all_inner_texts()]
    assert "restoration" in marks
    shot(page, f"search-en-{width}")
    assert axe(page) == []
    first = page.locator(".search-result h3 a").first
    first.click()
    page.wait_for_load_state()
    assert "/en/" in page.url


def test_a_word_only_in_the_draft_is_the_secretariats_to_find(browser, demo_site, shot, axe):
    # "Coordinate" and "action" stand together only in the draft of the declaration (demo:
    # OP4, edited after Rev.1 was published). Not "step up": PostgreSQL drops "up" as a stop
    # word, and "step" and "coordinated" both stand in a published register document.
    visitor = new_page(browser)
    visitor.goto(f"{demo_site.url}/en/search/?q=coordinate+action")
    assert visitor.locator(".search-result").count() == 0
    assert "Nothing found" in visitor.locator("main").inner_text()
    shot(visitor, "search-en-nothing")
    assert axe(visitor) == []

    page = secretariat_page(browser, demo_site, 1366, 768)
    page.goto(f"{demo_site.url}/ru/")
    assert page.evaluate(HEADER_ROWS) == 1
    page.goto(f"{demo_site.url}/en/")
    search_from_header(page, "coordinate action")
    results = page.locator(".search-result")
    assert results.count() == 1
    assert "not published" in results.first.inner_text()
    shot(page, "search-en-secretariat-1366")
    page.goto(f"{demo_site.url}/ru/documents/triage/")
    shot(page, "header-ru-secretariat-1366")
    assert page.evaluate(HEADER_ROWS) == 1
