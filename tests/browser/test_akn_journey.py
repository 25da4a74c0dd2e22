"""Akoma Ntoso by clicks: a visitor downloads a revision's XML beside its PDF; the
secretariat (with TOTP) starts the draft from such a file and lands in the editor."""

import pytest
from lxml import etree

from akn.documents import AKN_NS
from tests.browser.test_consultation_journey import (
    SECRETARIAT,
    enter_totp,
    log_in,
    new_page,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_visitor_downloads_the_akn_beside_the_pdf(browser, demo_site, shot, axe, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{demo_site.url}/ru/documents/declaration/rev/1/")
    links = page.locator(".akn-links")
    assert "Akoma Ntoso" in links.inner_text()
    with page.expect_download() as download:
        links.get_by_role("link", name="English").click()
    root = etree.parse(download.value.path()).getroot()
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
    assert axe(page) == []
    links.scroll_into_view_if_needed()
    shot(page, f"revision-akn-links-{width}")
    context.close()


def test_the_secretariat_starts_the_draft_from_an_akn_file(browser, demo_site, shot, axe, tmp_path):
    visitor = new_page(browser)
    response = visitor.request.get(f"{demo_site.url}/en/documents/declaration/rev/1/akn/en/")
    path = tmp_path / "declaration-en.xml"
    path.write_bytes(response.body())

    page = new_page(browser)
    log_in(page, demo_site, SECRETARIAT)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    enter_totp(page, SECRETARIAT)
    page.goto(f"{demo_site.url}/en/documents/declaration/draft/")
    page.get_by_role("link", name="Import from Akoma Ntoso").click()
    page.wait_for_url("**/draft/import/")
    assert axe(page) == []
    page.get_by_label("English edition (AKN XML)").set_input_files(str(path))
    page.get_by_label("Replace the edits made in the current draft").check()
    shot(page, "akn-import-form")
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/draft/")
    assert "The draft now holds the imported text." in page.get_by_role("status").inner_text()
    shot(page, "akn-imported-editor")
