"""A table wider than a phone shows that it scrolls (issue #27, item 6): a shadow on the side
where more of it hides, and the page itself no wider than the screen."""

import pytest

from initiatives.models import Initiative

pytestmark = pytest.mark.browser


def test_an_initiatives_tables_show_they_scroll_on_a_phone(browser, demo_site, shot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for initiative in Initiative.objects.order_by("pk"):  # the first with results or funding
        page.goto(f"{demo_site.url}{initiative.get_absolute_url()}")
        if page.locator(".table-scroll").count():
            break
    shot(page, "initiative-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    boxes = page.locator(".table-scroll")
    assert boxes.count() >= 1
    for i in range(boxes.count()):
        background = boxes.nth(i).evaluate("e => getComputedStyle(e).backgroundImage")
        assert background.count("gradient") == 4
    context.close()
