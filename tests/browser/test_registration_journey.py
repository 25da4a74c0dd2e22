"""Registration in a browser (issue 25): the head's nomination form, the desk, the door and
the public list, at a phone's and a laptop's width, in Russian and English, with axe."""

import pytest

from registration.badges import badge_code
from registration.models import Registration
from tests.browser.test_consultation_journey import PASSWORD, SECRETARIAT, totp_now

pytestmark = pytest.mark.browser
HEAD = "head-kz@example.org"
SUMMIT = "res-2026-summit"
SIZES = [(390, 844), (1366, 768)]


def log_in(page, site, email: str, language: str) -> None:
    page.goto(f"{site.url}/{language}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()


def enter_totp(page, email: str) -> None:
    page.locator("input[name=code]").fill(totp_now(email))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(lambda url: "/accounts/" not in url)


def fits(page) -> bool:
    """Nothing makes the page wider than the screen (a phone scrolls only down)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def context_page(browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("width,height", SIZES)
def test_the_head_nominates_from_the_form(browser, demo_site, shot, axe, width, height, language):
    page = context_page(browser, width, height)
    log_in(page, demo_site, HEAD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    page.goto(f"{demo_site.url}/{language}/registration/{SUMMIT}/nominate/")
    assert axe(page) == []
    form = page.locator("form.stack").first
    form.locator("select[name=title]").select_option("ms")
    form.locator("input[name=given_name]").fill("Gulnara")
    form.locator("input[name=family_name]").fill(f"Browser{width}{language} (demo)")
    form.locator("input[name=function]").fill("Expert (demo)")
    form.locator("input[name=email]").fill(f"gulnara-{width}-{language}@example.org")
    form.locator("input[name=consent_public_list]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert f"Browser{width}{language} (demo)" in page.locator("main table").inner_text()
    assert axe(page) == []
    assert fits(page)
    shot(page, f"nominations-{language}-{width}")


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("width,height", SIZES)
def test_the_desk_the_door_and_the_public_list(
    browser, demo_site, shot, axe, width, height, language
):
    page = context_page(browser, width, height)
    log_in(page, demo_site, SECRETARIAT, language)
    enter_totp(page, SECRETARIAT)

    page.goto(f"{demo_site.url}/{language}/registration/desk/?status=nominated")
    assert axe(page) == []
    assert fits(page)
    shot(page, f"desk-{language}-{width}")
    page.locator("input[name=registrations]").first.check()
    page.locator("select[name=decision]").select_option("accredit")
    page.locator("form.desk-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".messages li.success").count() == 1

    accredited = Registration.objects.filter(status="accredited", checked_in_at=None).first()
    page.goto(f"{demo_site.url}/{language}/registration/check-in/")
    assert axe(page) == []
    page.locator("input[name=code]").fill(badge_code(accredited))
    page.locator("#check-in-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".check-welcome").is_visible()
    assert axe(page) == []
    shot(page, f"check-in-welcome-{language}-{width}")
    page.locator("input[name=code]").fill(badge_code(accredited))
    page.locator("#check-in-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".check-again").is_visible()

    withdrawn = Registration.objects.get(status="withdrawn")
    page.locator("input[name=code]").fill(badge_code(withdrawn))
    page.locator("#check-in-form button[type=submit]").click()
    page.wait_for_load_state()
    refusal = page.locator(".check-refused")
    assert refusal.is_visible()
    # Across the whole column, in white on red: not a line one could overlook.
    assert refusal.bounding_box()["width"] >= page.locator("main").bounding_box()["width"] * 0.9
    assert axe(page) == []
    assert fits(page)
    shot(page, f"check-in-refused-{language}-{width}")

    public = context_page(browser, width, height)
    public.goto(f"{demo_site.url}/{language}/registration/{SUMMIT}/participants/")
    text = public.locator("main").inner_text()
    assert "@" not in text
    assert ("Образцов (демо)" if language == "ru" else "Sample (demo)") in text
    assert "Placeholder" not in text and "Условный" not in text
    assert axe(public) == []
    assert fits(public)
    shot(public, f"participants-{language}-{width}")


@pytest.mark.parametrize("width,height", SIZES)
def test_the_secretariat_moves_a_registration_window(browser, demo_site, shot, axe, width, height):
    page = context_page(browser, width, height)
    log_in(page, demo_site, SECRETARIAT, "ru")
    enter_totp(page, SECRETARIAT)
    page.goto(f"{demo_site.url}/ru/registration/desk/")
    page.get_by_role("link", name="Сроки регистрации").click()
    assert axe(page) == []
    card = page.locator("section.card").filter(has_text="РЭС-2026").first
    card.locator("input[name=closes_at]").fill("2027-02-01T18:00")
    card.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Сроки регистрации сохранены" in page.locator("body").inner_text()
    assert fits(page)
    shot(page, f"windows-ru-{width}")
