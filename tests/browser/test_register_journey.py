"""The register in a browser (issue 28): the secretariat issues an INF with a Russian
original, then its English version, then a /Rev.1; the register lists both with their
symbols and the first marked superseded; a PNG renamed .pdf is refused. The register's
pages at a phone's and a laptop's width, in Russian and English, with axe."""

import io

import pytest
from pypdf import PdfWriter

from register.models import Document
from tests.browser.test_registration_journey import context_page, enter_totp, fits, log_in
from tests.register.conftest import PNG

pytestmark = pytest.mark.browser
SECRETARIAT = "secretariat@example.org"
ALMATY = "almaty-preparatory-2026"
SIZES = [(390, 844), (1366, 768)]


def pdf_file(name: str) -> dict:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return {"name": name, "mimeType": "application/pdf", "buffer": out.getvalue()}


def issue_form(page, site, language, *, query: str = "") -> None:
    page.goto(f"{site.url}/{language}/programme/{ALMATY}/documents/issue/{query}")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_secretariat_issues_a_document_its_english_version_and_a_revision(
    browser, demo_site, shot, axe, language
):
    page = context_page(browser, 1366, 768)
    log_in(page, demo_site, SECRETARIAT, language)
    enter_totp(page, SECRETARIAT)
    # From the meeting page, where the register is linked.
    page.goto(f"{demo_site.url}/{language}/programme/{ALMATY}/")
    page.locator(".register-links a.button").click()
    page.wait_for_url(f"**/programme/{ALMATY}/documents/issue/")
    assert axe(page) == []
    shot(page, f"issue-form-{language}-1366")

    # A PNG renamed .pdf is refused, with the reason on the field.
    form = page.locator("form.stack")
    form.locator("select[name=series]").select_option("INF")
    form.locator("input[name=title_ru]").fill("Записка о порядке работы (браузерный тест)")
    form.locator("input[name=title_en]").fill("Note on the organisation of work (browser test)")
    form.locator("input[name=file_ru]").set_input_files(
        {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": PNG}
    )
    form.locator("input[name=original_language][value=ru]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    refusal = page.locator(".has-error .errorlist").first.inner_text()
    assert "PDF" in refusal and "DOCX" in refusal
    assert axe(page) == []
    shot(page, f"issue-refused-{language}-1366")
    assert not Document.objects.filter(title_en__contains="browser test").exists()

    # The Russian original.
    form = page.locator("form.stack")
    form.locator("input[name=file_ru]").set_input_files(pdf_file("note-ru.pdf"))
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/documents/*/")
    assert page.locator("p.symbol").first.inner_text() == "RES-2026/PREP/1/INF/2"
    assert page.locator(".to-be-issued").count() == 1  # English: to be issued
    first_url = page.url

    # Its English version.
    page.locator(
        "a.button.primary", has_text="language version" if language == "en" else "языковую"
    ).click()
    page.locator("select[name=language]").select_option("en")
    page.locator("input[name=file]").set_input_files(pdf_file("note-en.pdf"))
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(first_url)
    assert page.locator(".to-be-issued").count() == 0
    assert page.locator(".versions a[hreflang=en]").count() == 1

    # A revision of it, from the document's page.
    page.locator("a.button", has_text="revision" if language == "en" else "пересмотренный").click()
    form = page.locator("form.stack")
    assert form.locator("select[name=relation]").input_value() == "revises"
    form.locator("input[name=title_ru]").fill("Записка о порядке работы (браузерный тест)")
    form.locator("input[name=title_en]").fill("Note on the organisation of work (browser test)")
    form.locator("input[name=file_ru]").set_input_files(pdf_file("note-rev-ru.pdf"))
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/documents/*/")
    assert page.locator("p.symbol").first.inner_text() == "RES-2026/PREP/1/INF/2/Rev.1"

    # The register lists both; the first is marked superseded, with a link to Rev.1.
    page.goto(f"{demo_site.url}/{language}/programme/{ALMATY}/documents/")
    first = page.locator(
        ".register-doc", has=page.locator("p.symbol", has_text="RES-2026/PREP/1/INF/2")
    ).first
    assert first.locator("p.symbol").inner_text() == "RES-2026/PREP/1/INF/2"
    assert "superseded" in first.get_attribute("class")
    assert first.locator(".superseded-note a").inner_text() == "RES-2026/PREP/1/INF/2/Rev.1"
    revision = page.locator(
        ".register-doc", has=page.locator("p.symbol", has_text="RES-2026/PREP/1/INF/2/Rev.1")
    )
    assert "superseded" not in revision.get_attribute("class")
    assert axe(page) == []
    shot(page, f"register-after-journey-{language}-1366")
    # And the first's own page says so.
    page.goto(first_url)
    assert page.locator(".notice.superseded-note a").inner_text() == "RES-2026/PREP/1/INF/2/Rev.1"


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("width,height", SIZES)
def test_the_register_pages_read_on_a_phone_and_a_laptop(
    browser, demo_site, shot, axe, width, height, language
):
    page = context_page(browser, width, height)
    base = f"{demo_site.url}/{language}/programme/{ALMATY}/documents/"
    note = Document.objects.get(symbol="RES-2026/PREP/1/INF/1")
    pages = {
        "register": base,
        "document-superseded": f"{base}{note.pk}/",
        "issued-day-1": f"{base}issued/2026-02-25/",
        "meeting": f"{demo_site.url}/{language}/programme/{ALMATY}/",
    }
    for name, url in pages.items():
        page.goto(url)
        assert axe(page) == [], name
        assert fits(page), name
        shot(page, f"{name}-{language}-{width}")
    # The register of the demo: the three examples and the meeting's adopted resolution.
    page.goto(base)
    symbols = page.locator(".register-doc p.symbol").all_inner_texts()
    assert symbols[:3] == [
        "RES-2026/PREP/1/INF/1",
        "RES-2026/PREP/1/INF/1/Rev.1",
        "RES-2026/PREP/1/CRP/1",
    ]
    assert "RES-2026/PREP/1" in symbols  # the outcome document, under its final symbol
    assert page.locator(".to-be-issued").count() == 1
    # Files are served by the portal (a PDF), not from a storage URL.
    href = page.locator(".versions a[hreflang=ru]").first.get_attribute("href")
    assert f"/programme/{ALMATY}/documents/" in href
    response = page.request.get(f"{demo_site.url}{href}")
    assert response.status == 200 and response.body().startswith(b"%PDF-")
    # The secretariat's form, in the same sizes.
    log_in(page, demo_site, SECRETARIAT, language)
    enter_totp(page, SECRETARIAT)
    page.goto(f"{base}issue/")
    assert axe(page) == [] and fits(page)
    shot(page, f"issue-form-{language}-{width}")
    page.goto(f"{base}{Document.objects.get(symbol='RES-2026/PREP/1/CRP/1').pk}/add-version/")
    assert axe(page) == [] and fits(page)
    shot(page, f"version-form-{language}-{width}")
