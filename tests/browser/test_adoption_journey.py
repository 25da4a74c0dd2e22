"""Adoption by clicks: the secretariat is told which paragraphs are still open, then adopts an
agreed revision at a meeting of the programme; a head of delegation records a reservation on
a named paragraph; a visitor reads the final document and its history (issue #18)."""

import re

import pytest

from accounts.models import User
from drafts.models import OutcomeDocument, Paragraph
from drafts.services import revision_publish
from tests.browser.test_consultation_journey import (
    SECRETARIAT,
    enter_totp,
    log_in,
    new_page,
    signed_in,
)

pytestmark = pytest.mark.browser

HEAD = "head-kz@example.org"
RESERVATION = "Kazakhstan reserves its position on the timing in OP5."


def agree_and_publish(slug: str) -> None:
    """The negotiators agreed every paragraph of the draft; the secretariat publishes it."""
    document = OutcomeDocument.objects.get(slug=slug)
    draft = document.revisions.get(state="draft")
    Paragraph.objects.filter(revision=draft).update(negotiation="agreed")
    revision_publish(revision=draft, user=User.objects.get(email=SECRETARIAT))


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_the_secretariat_adopts_and_a_head_records_a_reservation(
    browser, demo_site, shot, axe, width, height
):
    site = demo_site
    secretariat = new_page(browser)
    secretariat.set_viewport_size({"width": width, "height": height})
    log_in(secretariat, site, SECRETARIAT)
    secretariat.wait_for_url("**/accounts/2fa/authenticate/")
    enter_totp(secretariat, SECRETARIAT)

    # Rev.1 of the declaration is still being negotiated: the refusal names what is open.
    secretariat.goto(f"{site.url}/en/documents/declaration/")
    secretariat.get_by_role("link", name="Record the adoption").click()
    alert = secretariat.get_by_role("alert")
    assert "Rev.1 cannot be adopted yet: not every paragraph is agreed." in alert.inner_text()
    assert alert.get_by_role("link", name="OP5").is_visible()
    assert axe(secretariat) == []
    shot(secretariat, f"adoption-refused-{width}")

    agree_and_publish("declaration")
    secretariat.reload()
    secretariat.get_by_label("Adopted at the meeting").select_option(
        label="Preparatory meeting for RES-2026"
    )
    secretariat.get_by_label("By consensus").check()
    assert secretariat.get_by_label("Final symbol").input_value() == "RES-2026/DECL/1"
    secretariat.get_by_label("Statements of delegations accepted until").fill("2030-01-31T18:00")
    assert axe(secretariat) == []
    shot(secretariat, f"adoption-form-{width}")
    secretariat.get_by_role("button", name="Record the adoption").click()
    secretariat.wait_for_url("**/documents/declaration/adopted/")
    assert "The adoption has been recorded." in secretariat.locator(".messages").inner_text()
    assert secretariat.locator("p.symbol").first.inner_text() == "RES-2026/DECL/1"
    assert secretariat.locator("h1").inner_text() == "RES-2026 Declaration"  # not "Draft"
    assert (
        "Adopted at Preparatory meeting for RES-2026" in secretariat.locator(".lead").inner_text()
    )

    head = new_page(browser)
    head.set_viewport_size({"width": width, "height": height})
    log_in(head, site, HEAD)
    head.wait_for_url(signed_in)
    head.goto(f"{site.url}/en/documents/declaration/")
    head.get_by_role("link", name="Record or change my delegation's statement").click()
    head.get_by_label("Joins the consensus with reservations").check()
    # Each code with its text (issue #27): "OP5 — …".
    head.get_by_label(re.compile(r"\bOP5 — ")).check()
    head.get_by_label("Text of the statement").fill(RESERVATION)
    assert axe(head) == []
    shot(head, f"statement-form-{width}")
    head.get_by_role("button", name="Record the statement").click()
    head.wait_for_url("**/documents/declaration/adopted/")
    statement = head.locator("#statement-kazakhstan")
    assert "Joins the consensus with reservations — on OP5" in statement.inner_text()
    assert RESERVATION in statement.inner_text()
    assert axe(head) == []
    shot(head, f"adopted-document-{width}")

    visitor = new_page(browser)
    visitor.set_viewport_size({"width": width, "height": height})
    visitor.goto(f"{site.url}/en/documents/declaration/adopted/")
    visitor.get_by_role("link", name="History of the document").click()
    rows = visitor.locator("tbody tr")
    assert (
        "Adopted at Preparatory meeting for RES-2026 as RES-2026/DECL/1" in rows.nth(1).inner_text()
    )
    assert "Statement of Republic of Kazakhstan recorded" in rows.nth(0).inner_text()
    assert "Aidos Head KZ (demo)" in rows.nth(0).inner_text()
    assert axe(visitor) == []
    shot(visitor, f"document-history-{width}")
