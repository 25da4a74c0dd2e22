"""Browser tests: Playwright driving Debian's Chromium against a live portal on 127.0.0.1."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
AXE = "static/vendor/axe-core/axe.min.js"


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django's ORM is still only
    # used synchronously here. Set for these tests alone: it must not leak into subprocesses
    # of other tests (check --deploy refuses it).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server, settings, transactional_db):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-pass-2026"
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings.DEBUG = False
    return live_server


@pytest.fixture
def shot(request):
    """Saves a full-page screenshot of a key page as a test artifact."""
    folder = ARTIFACTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def axe(live_server):
    """Runs axe-core (vendored, served by the portal itself) and returns the serious and
    critical violations of the page."""

    def check(page) -> list[dict]:
        page.add_script_tag(url=f"{live_server.url}/static/vendor/axe-core/axe.min.js")
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return check
