"""Journey 1: a visitor goes home → an initiative → the declaration, in both languages."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "lang,initiative,declaration",
    [
        ("en", "Green Shield", "Draft RES-2026 Declaration"),
        ("ru", "Зелёный щит", "Проект декларации РЭС-2026"),
    ],
)
def test_visitor_reads_an_initiative_and_the_declaration(
    page, demo_site, shot, axe, lang, initiative, declaration
):
    page.goto(f"{demo_site.url}/{lang}/")
    assert page.locator("h1").first.is_visible()
    assert axe(page) == []
    shot(page, "home")

    page.get_by_role("link", name=initiative).first.click()
    assert page.locator("h1").inner_text() == initiative
    assert page.get_by_role("table").first.is_visible()
    assert axe(page) == []
    shot(page, "initiative")

    page.get_by_role("link", name=declaration).first.click()
    page.locator('a[href$="/rev/1/"]').first.click()
    assert page.locator("article.document p.operative").count() >= 7
    assert axe(page) == []
    shot(page, "declaration")


def test_language_switch_keeps_the_page(page, demo_site):
    page.goto(f"{demo_site.url}/en/initiatives/green-shield/")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/initiatives/green-shield/")
    assert page.locator("h1").inner_text() == "Зелёный щит"


def test_skip_link_is_the_first_stop_of_the_keyboard(page, demo_site):
    page.goto(f"{demo_site.url}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
