"""Live negotiation in two browsers (issue #26): the secretariat opens a session on the demo
declaration's draft and edits a paragraph; a delegate's page, open in another browser, shows
the new text within two seconds without a reload; the delegate asks for the floor and the
chair's screen shows it; a stale edit gets 409, a delegate's edit 403; closing puts the text
in the draft. At 390 and 1366 px and on the 1920×1080 room's screen, in English and Russian,
axe finding nothing.

The portal is served here by daphne (in a thread of the test process, so that it reads the
test database), as `runserver` and the `live` service serve it: pages, the API and the
WebSocket on one origin."""

import re
import socket
import threading
import time

import pytest
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

from drafts.models import Paragraph
from live.models import LiveSession
from tests.browser.test_consultation_journey import (
    DELEGATE,
    SECRETARIAT,
    enter_totp,
    log_in,
    new_page,
    signed_in,
)

pytestmark = pytest.mark.browser

NEW_TEXT = (
    "[Demo text] calls for a regional early-warning system for floods and droughts, [by 2030 – KZ];"
)
_server = {}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _daphne() -> str:
    """One daphne for the module (Twisted's reactor runs once per process)."""
    if "url" not in _server:
        from channels.routing import ProtocolTypeRouter
        from daphne.server import Server

        from summit import asgi

        application = ProtocolTypeRouter(
            {
                "http": ASGIStaticFilesHandler(asgi.django_application),
                "websocket": asgi.application.application_mapping["websocket"],
            }
        )
        port = _free_port()
        server = Server(
            application,
            endpoints=[f"tcp:port={port}:interface=127.0.0.1"],
            signal_handlers=False,
            verbosity=0,
        )
        threading.Thread(target=server.run, daemon=True).start()
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        _server["url"] = f"http://127.0.0.1:{port}"
    return _server["url"]


class Site:
    def __init__(self, url):
        self.url = url


@pytest.fixture
def asgi_site(demo_site, settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    return Site(_daphne())


def axe_clean(page, site) -> list:
    page.add_script_tag(url=f"{site.url}/static/vendor/axe-core/axe.min.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def api(page, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    """A request from the page itself (its session cookie and CSRF token), as its script makes."""
    return tuple(
        page.evaluate(
            """async ([method, path, body]) => {
                const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
                const r = await fetch(path, {method, credentials: "same-origin",
                    headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
                    body: body === null ? undefined : JSON.stringify(body)});
                return [r.status, await r.json()];
            }""",
            [method, path, body],
        )
    )


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_a_delegate_follows_the_chair_live_and_asks_for_the_floor(
    browser, asgi_site, shot, width, height, lang
):
    site = asgi_site
    chair = new_page(browser)
    chair.set_viewport_size({"width": max(width, 1024), "height": 900})
    log_in(chair, site, SECRETARIAT)
    chair.wait_for_url("**/accounts/2fa/authenticate/")
    enter_totp(chair, SECRETARIAT)
    chair.goto(f"{site.url}/en/documents/declaration/")
    chair.get_by_role("link", name="Live sessions").click()
    chair.get_by_label("Language edition").select_option("en")
    chair.get_by_role("button", name="Open the live session").click()
    chair.wait_for_url("**/chair/")
    session = LiveSession.objects.get(closed_at=None)
    chair.goto(f"{site.url}/{lang}/live/{session.pk}/chair/")

    delegate = new_page(browser)
    delegate.set_viewport_size({"width": width, "height": height})
    log_in(delegate, site, DELEGATE)
    delegate.wait_for_url(signed_in)
    delegate.goto(f"{site.url}/{lang}/live/{session.pk}/")
    # The WebSocket is open: the page says it is live.
    live_word = "Live" if lang == "en" else "В прямом эфире"
    delegate.locator(".live-connection").filter(has_text=live_word).wait_for(timeout=5000)

    # The chair moves to OP2 with the keyboard and rewrites it; the delegate sees it at once.
    chair.locator("#live-edit-text").focus()
    for _ in range(3):
        chair.keyboard.press("Alt+ArrowDown")
        chair.wait_for_timeout(300)
    focus_key = LiveSession.objects.get(pk=session.pk).focus
    chair.locator(f"#p-{focus_key}.is-focus").wait_for()
    chair.locator("#live-edit-text").fill(NEW_TEXT)
    started = time.monotonic()
    chair.keyboard.press("Control+Enter")
    delegate.locator(f"#p-{focus_key}").filter(has_text="regional early-warning system").wait_for(
        timeout=2000
    )
    assert time.monotonic() - started < 2
    # Kept in view on the delegate's screen, whatever its size.
    assert delegate.evaluate(
        """key => { const r = document.getElementById("p-" + key).getBoundingClientRect();
                    return r.top >= 0 && r.top < window.innerHeight; }""",
        focus_key,
    )
    assert delegate.locator(f"#p-{focus_key}").get_attribute("aria-current") == "true"

    # The delegate asks for the floor: the chair's queue shows Kazakhstan.
    delegate.locator(".live-floor").click()
    chair.locator(".live-queue li").filter(has_text=re.compile("Kazakhstan|Казахстан")).wait_for(
        timeout=2000
    )
    delegate.locator(".live-floor[aria-pressed=true]").wait_for(timeout=2000)
    assert axe_clean(delegate, site) == []
    shot(delegate, f"live-follow-{lang}-{width}")
    assert axe_clean(chair, site) == []
    shot(chair, f"live-chair-{lang}-{width}")

    # A stale edit is refused with the current text; a delegate's edit is forbidden.
    status, body = api(
        chair,
        "PATCH",
        f"/api/v1/live/{session.pk}/paragraphs/{focus_key}/",
        {"version": 1, "text": "old"},
    )
    assert status == 409 and body["error"]["current_text"] == NEW_TEXT
    status, body = api(
        delegate,
        "PATCH",
        f"/api/v1/live/{session.pk}/paragraphs/{focus_key}/",
        {"version": 2, "text": "mine"},
    )
    assert status == 403

    # The room's screen at 1920×1080.
    room = new_page(browser)
    room.set_viewport_size({"width": 1920, "height": 1080})
    room.context.add_cookies(chair.context.cookies())
    room.goto(f"{site.url}/{lang}/live/{session.pk}/screen/")
    assert room.locator(".is-focus ins").count() >= 1
    assert axe_clean(room, site) == []
    room.screenshot(path=str(shot(room, f"live-screen-{lang}-1920")))

    # Closing puts the text in the draft, and the log follows.
    chair.once("dialog", lambda dialog: dialog.accept())
    chair.locator(".live-close button").click()
    chair.wait_for_url(f"**/live/{session.pk}/")
    assert (
        Paragraph.objects.get(
            revision__state="draft", revision__document__slug="declaration", key=focus_key
        ).text_en
        == NEW_TEXT
    )
    assert chair.get_by_role("heading", level=1).inner_text() in (
        "Log of the live session",
        "Журнал заседания в прямом эфире",
    )
    assert axe_clean(chair, site) == []
    shot(chair, f"live-log-{lang}-{width}")


def test_without_a_websocket_the_page_polls_and_without_javascript_it_refreshes(
    browser, asgi_site, shot
):
    """A proxy in the way of WebSockets: the follow page polls the state (ETag) every 2 s."""
    site = asgi_site
    chair = new_page(browser)
    log_in(chair, site, SECRETARIAT)
    chair.wait_for_url("**/accounts/2fa/authenticate/")
    enter_totp(chair, SECRETARIAT)
    chair.goto(f"{site.url}/en/live/document/declaration/")
    chair.get_by_role("button", name="Open the live session").click()
    chair.wait_for_url("**/chair/")
    session = LiveSession.objects.get(closed_at=None)
    paragraph = session.paragraphs.get(position=3)

    delegate = new_page(browser)
    log_in(delegate, site, DELEGATE)
    delegate.wait_for_url(signed_in)
    delegate.route_web_socket("**/ws/**", lambda ws: ws.close())  # never reaches the server
    delegate.goto(f"{site.url}/en/live/{session.pk}/")
    delegate.locator(".live-connection").filter(has_text="Updating every 2 seconds").wait_for()
    started = time.monotonic()
    status, _body = api(
        chair,
        "PATCH",
        f"/api/v1/live/{session.pk}/paragraphs/{paragraph.key}/",
        {"version": paragraph.version, "text": NEW_TEXT},
    )
    assert status == 200
    delegate.locator(f"#p-{paragraph.key}").filter(has_text="regional early-warning").wait_for(
        timeout=3000
    )
    polled = time.monotonic() - started
    assert polled < 2.5, polled  # one 2-second period and the request
    shot(delegate, "live-follow-polling-en-1280")

    # Without JavaScript: the current text, and a page that reloads itself.
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies(delegate.context.cookies())
    plain = context.new_page()
    plain.goto(f"{site.url}/en/live/{session.pk}/")
    assert "regional early-warning" in plain.locator(f"#p-{paragraph.key}").inner_text()
    assert plain.locator('meta[http-equiv="refresh"]').count() == 1
    context.close()
