"""A visitor opens a delegation from the list and from an initiative's page (issue #15, item 1)."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_visitor_opens_delegations_from_the_list_and_the_initiative(
    browser, demo_site, shot, axe, width, height
):
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(f"{demo_site.url}/en/delegations/")
    page.get_by_role("link", name="Republic of Kazakhstan").click()
    page.wait_for_url("**/en/delegations/kazakhstan/")
    assert page.locator("h1").inner_text() == "Republic of Kazakhstan"
    assert "Green Shield" in page.locator("main").inner_text()
    # Its place in the programme: it sponsored the resolution adopted in Almaty.
    assert "Preparatory meeting for RES-2026" in page.locator("#programme-h + ul").inner_text()
    assert axe(page) == []
    shot(page, f"delegation-kazakhstan-{width}")

    page.goto(f"{demo_site.url}/ru/initiatives/green-shield/")
    page.locator("main").get_by_role("link", name="Программа развития ООН").first.click()
    page.wait_for_url("**/ru/delegations/undp/")
    assert page.locator("h1").inner_text().startswith("Программа развития ООН")
    assert axe(page) == []
    shot(page, f"delegation-undp-ru-{width}")
