"""Journey 1: a visitor goes home → an initiative → the declaration → compares two revisions →
downloads the PDF, in both languages."""

import re

import pytest

from accounts.models import User
from drafts.models import Revision
from drafts.services import revision_publish

pytestmark = pytest.mark.browser


@pytest.fixture
def declaration_rev2(demo_site):
    """The demo leaves Rev.2 of the declaration a draft; a visitor compares published ones."""
    draft = Revision.objects.get(document__slug="declaration", number=2)
    revision_publish(
        revision=draft,
        user=User.objects.get(email="secretariat@example.org"),
        summary_ru="Второй проект (демонстрационный).",
        summary_en="Second draft (demo).",
    )
    return demo_site


@pytest.mark.parametrize(
    "lang,initiative,declaration,inserted",
    [
        ("en", "Green Shield", "Draft RES-2026 Declaration", "and coordinate"),
        ("ru", "Зелёный щит", "Проект декларации РЭС-2026", "и координировать"),
    ],
    ids=["en", "ru"],
)
def test_visitor_reads_compares_and_downloads_the_declaration(
    page, declaration_rev2, shot, axe, lang, initiative, declaration, inserted
):
    site = declaration_rev2
    page.goto(f"{site.url}/{lang}/")
    assert page.locator("h1").first.is_visible()
    assert axe(page) == []
    shot(page, "home")

    page.get_by_role("link", name=initiative).first.click()
    assert page.locator("h1").inner_text() == initiative
    assert page.get_by_role("table").first.is_visible()
    assert axe(page) == []
    shot(page, "initiative")

    page.get_by_role("link", name=declaration).first.click()
    page.wait_for_url(f"**/{lang}/documents/declaration/")
    assert axe(page) == []
    shot(page, "document")

    page.locator('a[href$="/rev/2/"]').first.click()
    page.wait_for_url("**/rev/2/")
    assert page.locator("article.document p.operative").count() >= 7
    assert axe(page) == []
    shot(page, "declaration")

    # The reader's own link to the changes since Rev.1.
    page.locator('a[href*="/compare/?from=1&to=2"]').click()
    page.wait_for_url("**/compare/?from=1&to=2")
    changed = page.locator("li.change-changed")
    assert changed.count() == 1
    assert changed.locator("ins").first.inner_text().strip() == inserted
    assert axe(page) == []
    shot(page, "compare")
    # "Changes only" leaves the one changed paragraph (#15, item 6).
    page.locator(".compare-summary a").click()
    page.wait_for_url("**changes=only")
    assert page.locator("ol.compare > li").count() == 1
    assert page.locator("li.change-unchanged").count() == 0
    shot(page, "compare-changes-only")
    page.go_back()

    page.go_back()
    # Languages in words, and what the button does (#15, item 9).
    words = {
        "en": ("English edition", "Prepare the PDF", "Download the PDF"),
        "ru": ("Английская версия", "Подготовить PDF", "Скачать PDF"),
    }
    entry = page.locator('.pdf-entry[lang="en"]')
    assert entry.locator("strong").inner_text() == words[lang][0]
    entry.get_by_role("button", name=words[lang][1]).click()
    # Celery is eager in the tests: the job is ready by the time the request answers, and
    # pdf.js swaps the button for the download link.
    link = entry.get_by_role("link", name=words[lang][2])
    link.wait_for(state="visible")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert re.search(r"\.pdf$", download.suggested_filename)
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    shot(page, "pdf-ready")


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
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_phone_width_home_has_no_horizontal_scroll_and_reader_fits(browser, demo_site, shot, axe):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(f"{demo_site.url}/en/")
        overflow = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert overflow[0] <= overflow[1]
        shot(page, "home-phone")

        page.goto(f"{demo_site.url}/ru/documents/declaration/rev/1/")
        assert page.locator("article.document p.operative").count() >= 7
        overflow = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert overflow[0] <= overflow[1]
        assert axe(page) == []
        shot(page, "reader-phone")
    finally:
        context.close()


def test_public_pages_have_no_serious_accessibility_violations(page, demo_site, shot, axe):
    pages = [
        "programme/",
        "programme/almaty-preparatory-2026/",
        "initiatives/",
        "initiatives/harmony-with-nature/",
        "delegations/",
        "documents/",
        "accounts/login/",
    ]
    for lang in ("en", "ru"):
        for path in pages:
            page.goto(f"{demo_site.url}/{lang}/{path}")
            assert page.locator("h1").count() == 1, path
            assert axe(page) == [], f"/{lang}/{path}"
    shot(page, "login-ru")
