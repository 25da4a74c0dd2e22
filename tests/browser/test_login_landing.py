"""A login keeps the language the person was using and lands where they work: delegates on
their dashboard, the secretariat at triage (issue #15, item 7)."""

import pytest

from tests.browser.test_consultation_journey import (
    DELEGATE,
    PASSWORD,
    SECRETARIAT,
    enter_totp,
    new_page,
)

pytestmark = pytest.mark.browser


def log_in_from(page, site, language: str, email: str) -> None:
    page.goto(f"{site.url}/{language}/")
    page.get_by_role("link", name={"en": "Log in", "ru": "Войти"}[language]).click()
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()


def test_an_english_delegate_stays_in_english_and_lands_on_the_dashboard(
    browser, demo_site, shot, axe
):
    page = new_page(browser)
    log_in_from(page, demo_site, "en", DELEGATE)

    page.wait_for_url("**/en/documents/dashboard/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Successfully signed in as" in page.locator("main").inner_text()
    assert axe(page) == []
    shot(page, "delegate-landed-en")


def test_a_russian_delegate_lands_on_the_dashboard_in_russian(browser, demo_site):
    page = new_page(browser)
    log_in_from(page, demo_site, "ru", DELEGATE)

    page.wait_for_url("**/ru/documents/dashboard/")
    main = page.locator("main").inner_text()
    assert "Successfully" not in main


def test_the_secretariat_lands_at_triage_in_its_language(browser, demo_site, shot):
    page = new_page(browser)
    log_in_from(page, demo_site, "en", SECRETARIAT)
    page.wait_for_url("**/en/accounts/2fa/authenticate/")
    enter_totp(page, SECRETARIAT)

    page.wait_for_url("**/en/documents/triage/")
    shot(page, "secretariat-landed-en")
