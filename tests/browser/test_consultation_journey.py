"""Journeys 2–4, one story: a delegate comments and proposes an amendment, the secretariat
(logged in with TOTP) answers and publishes the next revision, the delegate sees the answer
and the new revision's changes."""

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from playwright.sync_api import expect

from accounts.models import User
from consultation.models import Comment

pytestmark = pytest.mark.browser

PASSWORD = "demo-pass-2026"
DELEGATE = "delegate-kz@example.org"
SECRETARIAT = "secretariat@example.org"
DELEGATION = "Republic of Kazakhstan"
AMENDED_OP5 = (
    "[Demo text] call for a coordinated regional system for mobilising financial resources;"
)
# True once the live diff marks exactly this text as inserted.
INSERTED_JS = """([el, text]) =>
    Array.from(el.querySelectorAll("ins"), n => n.textContent).join("").trim() === text"""
COMMENT_OP3 = "Kazakhstan asks that mountain forests come first."
ANSWER = "Taken into account in Rev.2: see operative paragraph 3."


def totp_now(email: str) -> str:
    """The code an authenticator app would show now for the account's TOTP secret."""
    authenticator = Authenticator.objects.get(
        user=User.objects.get(email=email), type=Authenticator.Type.TOTP
    )
    secret = decrypt(authenticator.data["secret"])
    period = mfa_settings.TOTP_PERIOD
    # Allauth accepts only the current time step (no tolerance): a code taken in the last
    # seconds of a step could expire before the form is sent, so wait for the next step.
    left = period - time.time() % period
    if left < 5:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    return context.new_page()


def log_in(page, site, email: str) -> None:
    page.goto(f"{site.url}/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def enter_totp(page, email: str) -> None:
    """The second step of the login, on the page allauth asks for the code."""
    page.get_by_label("Code").fill(totp_now(email))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(signed_in)


def signed_in(url: str) -> bool:
    # Allauth sends the user home, in the language of their profile.
    return "/accounts/" not in url


def operative(page, number: int):
    return page.get_by_role("region", name=f"Operative paragraph {number}", exact=True)


def open_comments(section):
    """Open a paragraph's comments, which the reader fetches when asked for."""
    section.get_by_role("button", name=re.compile(r"^\d+ comments?$")).click()
    expect(section.locator("li.comment").first).to_be_visible()


def test_delegate_comments_secretariat_answers_and_publishes_delegate_sees_it(
    browser, demo_site, shot, axe
):
    site = demo_site
    reader = f"{site.url}/en/documents/declaration/rev/1/"

    # Journey 2: the delegate comments on OP 3 and proposes an amendment to OP 5.
    delegate = new_page(browser)
    log_in(delegate, site, DELEGATE)
    delegate.wait_for_url(signed_in)
    delegate.goto(reader)
    assert axe(delegate) == []
    shot(delegate, "delegate-reader")

    op3 = operative(delegate, 3)
    op3.get_by_text("Comment on this paragraph").click()
    op3.get_by_label("Comment", exact=True).fill(COMMENT_OP3)
    with delegate.expect_navigation(url="**/rev/1/?open=*#c-*"):
        op3.get_by_role("button", name="Send").click()
    # The confirmation stands on the new comment, which is marked and in view.
    sent = op3.locator("li.comment.just-changed")
    expect(sent.locator(".inline-message")).to_have_text("Your comment has been recorded.")
    expect(sent).to_be_in_viewport()
    assert COMMENT_OP3 in sent.inner_text()
    shot(delegate, "delegate-comment-confirmed")

    op5 = operative(delegate, 5)
    op5.get_by_text("Comment on this paragraph").click()
    op5.get_by_label("Kind").select_option("amendment")
    op5.get_by_label("Comment", exact=True).fill("The system should be regional.")
    proposed = op5.get_by_label("Proposed text (for an amendment or a new paragraph)")
    proposed.fill(AMENDED_OP5.replace(" regional", ""))
    # Typed as a delegate would: drafts.js redraws the word diff on each input.
    proposed.press("End")
    for _ in "resources;":
        proposed.press("ArrowLeft")
    proposed.press_sequentially("and natural ")
    live = op5.locator(".live-diff")
    # drafts.js redraws 250 ms after the last key: wait for the diff of the whole insertion.
    delegate.wait_for_function(INSERTED_JS, arg=[live.element_handle(), "and natural"])
    assert live.locator("del").count() == 0
    assert axe(delegate) == []
    shot(delegate, "delegate-live-diff")
    proposed.fill(AMENDED_OP5)
    delegate.wait_for_function(INSERTED_JS, arg=[live.element_handle(), "regional"])
    with delegate.expect_navigation(url="**/rev/1/?open=*#c-*"):
        op5.get_by_role("button", name="Send").click()

    # The page lands on the new amendment; OP3's comments open where they are, on demand.
    open_comments(op3)
    comment = op3.locator("li.comment")
    expect(comment).to_have_count(1)
    assert DELEGATION in comment.locator(".comment-meta").inner_text()
    amendment = op5.locator("li.comment")
    assert amendment.count() == 1
    assert DELEGATION in amendment.locator(".comment-meta").inner_text()
    assert "Amendment" in amendment.locator(".comment-meta").inner_text()
    assert amendment.locator(".diff ins").inner_text().strip() == "regional"
    assert axe(delegate) == []
    shot(delegate, "delegate-comments-listed")

    # Journey 3: the secretariat logs in with TOTP, answers the comment, publishes Rev.2.
    secretariat = new_page(browser)
    log_in(secretariat, site, SECRETARIAT)
    secretariat.wait_for_url("**/accounts/2fa/authenticate/")
    assert axe(secretariat) == []
    shot(secretariat, "secretariat-mfa")
    enter_totp(secretariat, SECRETARIAT)

    secretariat.goto(f"{site.url}/en/documents/declaration/")
    secretariat.get_by_role("link", name="Triage comments").click()
    secretariat.wait_for_url("**/documents/triage/**")
    assert axe(secretariat) == []
    shot(secretariat, "secretariat-triage")
    pk = Comment.objects.get(body=COMMENT_OP3, author__email=DELEGATE).pk
    item = secretariat.locator(f"#c-{pk}")
    item.get_by_label("Status").select_option("accepted")
    item.get_by_label("Response").fill(ANSWER)
    item.get_by_role("button", name="Answer").click()
    # Answered in place: the comment stays where it is, confirmed and in view.
    expect(item.locator(".inline-message")).to_have_text("The answer has been recorded.")
    expect(item).to_be_in_viewport()
    assert "Accepted" in secretariat.locator(f"#c-{pk} .comment-meta").inner_text()

    secretariat.goto(f"{site.url}/en/documents/declaration/")
    secretariat.get_by_role("link", name="Draft editor").click()
    secretariat.wait_for_url("**/documents/declaration/draft/")
    assert axe(secretariat) == []
    shot(secretariat, "secretariat-draft-editor")
    secretariat.locator('a[href$="/draft/publish/"]').first.click()
    secretariat.wait_for_url("**/draft/publish/")
    secretariat.get_by_label("Change summary (Russian)").fill(
        "Уточнён пункт 4 постановляющей части."
    )
    secretariat.get_by_label("Change summary (English)").fill("Operative paragraph 4 refined.")
    assert axe(secretariat) == []
    shot(secretariat, "secretariat-publish")
    secretariat.get_by_role("button", name="Publish").click()
    secretariat.wait_for_url("**/documents/declaration/rev/2/")
    assert "Revision 2 is published" in secretariat.locator(".messages").inner_text()
    shot(secretariat, "secretariat-published")
    secretariat.context.close()

    # Journey 4: the delegate sees the answer, first on their dashboard, then in the reader,
    # and what changed in Rev.2.
    delegate.get_by_role("link", name="My dashboard").click()
    delegate.wait_for_url("**/documents/dashboard/")
    answers = delegate.locator("section[aria-labelledby=answers-h]")
    assert ANSWER in answers.inner_text()
    assert axe(delegate) == []
    shot(delegate, "delegate-dashboard")

    delegate.goto(reader)
    open_comments(operative(delegate, 3))
    response = operative(delegate, 3).locator("li.comment .response")
    assert ANSWER in response.inner_text()
    assert "Accepted" in response.inner_text()
    shot(delegate, "delegate-answer")

    delegate.goto(f"{site.url}/en/documents/declaration/rev/2/")
    delegate.get_by_role("link", name="Compare with the previous revision").click()
    delegate.wait_for_url("**/compare/?from=1&to=2")
    changed = delegate.locator("li.change-changed")
    assert changed.count() == 1
    assert changed.locator("ins").inner_text().strip() == "and coordinate"
    assert axe(delegate) == []
    shot(delegate, "delegate-compare")
    delegate.context.close()
