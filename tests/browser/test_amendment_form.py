"""An amendment starts from the paragraph's wording; "proposed text" appears only for an
amendment or a new paragraph (issue #15, item 4)."""

import pytest

from tests.browser.test_consultation_journey import (
    DELEGATE,
    log_in,
    new_page,
    operative,
    signed_in,
)

pytestmark = pytest.mark.browser


def test_the_amendment_box_starts_with_the_paragraphs_text(browser, demo_site, shot, axe):
    page = new_page(browser)
    log_in(page, demo_site, DELEGATE)
    page.wait_for_url(signed_in)
    page.goto(f"{demo_site.url}/en/documents/declaration/rev/1/")
    op5 = operative(page, 5)
    op5.get_by_text("Comment on this paragraph").click()
    proposed = op5.get_by_label("Proposed text (for an amendment or a new paragraph)")
    assert not proposed.is_visible()  # a plain comment proposes no text

    op5.get_by_label("Kind").select_option("amendment")

    assert proposed.is_visible()
    assert proposed.input_value() == (
        "[Demo text] call for a coordinated system for mobilising financial resources;"
    )
    proposed.press("End")
    proposed.press_sequentially(" ")
    assert op5.locator(".live-diff del").count() == 0  # nothing deleted yet
    assert axe(page) == []
    shot(page, "amendment-prefilled")
    op5.get_by_label("Kind").select_option("addition")
    assert proposed.is_visible()
