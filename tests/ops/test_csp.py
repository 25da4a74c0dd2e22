"""The Content Security Policy is sent on every page, and the portal's own pages live inside it:
no inline script, style or event handler, nothing loaded from another origin."""

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from accounts.models import User

ROOT = Path(__file__).resolve().parents[2]
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class PolicyViolations(HTMLParser):
    """Collects what a browser enforcing the portal's policy would block on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inline_script = False

    def _external(self, url: str | None) -> bool:
        return bool(url) and bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…> inline event handler")
            if name == "style":
                self.found.append(f"<{tag} style=…> inline style")
            if value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")
        if tag == "script":
            if self._external(attributes.get("src")):
                self.found.append(f"<script src={attributes['src']}> from another origin")
            self._inline_script = (
                "src" not in attributes and attributes.get("type") not in DATA_SCRIPT_TYPES
            )
        elif tag == "style":
            self.found.append("<style> element")
        elif tag == "link" and "stylesheet" in (attributes.get("rel") or ""):
            if self._external(attributes.get("href")):
                self.found.append(f"<link href={attributes['href']}> from another origin")
        elif tag in {"img", "iframe", "embed", "object", "audio", "video", "source"}:
            src = attributes.get("src") or attributes.get("data") or ""
            if tag in {"iframe", "embed", "object"} or self._external(src):
                self.found.append(f"<{tag} src={src}>")
        elif tag == "form" and self._external(attributes.get("action")):
            self.found.append(f"<form action={attributes['action']}> to another origin")

    def handle_data(self, data: str) -> None:
        if self._inline_script and data.strip():
            self.found.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inline_script = False


def violations(html: str) -> list[str]:
    parser = PolicyViolations()
    parser.feed(html)
    return parser.found


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo")


PUBLIC_PAGES = [
    "/ru/",
    "/en/",
    "/en/documents/",
    "/en/documents/declaration/",
    "/en/documents/declaration/rev/1/",
    "/en/initiatives/green-shield/",
    "/en/accounts/login/",
    "/en/accounts/password/reset/",
    "/en/programme/",
    "/en/delegations/",
    "/en/initiatives/",
]
SECRETARIAT_PAGES = ["/en/", "/en/documents/declaration/rev/2/"]
ADMIN_PAGES = ["/en/admin/", "/en/admin/accounts/user/", "/en/admin/accounts/user/add/"]


def test_the_policy_allows_only_the_portal_itself():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert not any(
        "unsafe" in source
        for value in directives.values()
        if isinstance(value, list)
        for source in value
    )


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_send_the_policy_and_satisfy_it(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert violations(response.content.decode()) == []


@pytest.mark.parametrize("path", SECRETARIAT_PAGES)
def test_secretariat_pages_satisfy_the_policy(client, demo, path):
    client.force_login(User.objects.get(email="secretariat@example.org"))
    response = client.get(path)
    assert response.status_code == 200
    assert violations(response.content.decode()) == []


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_satisfy_the_policy(client, demo, path):
    client.force_login(User.objects.get(email="admin@example.org"))
    response = client.get(path)
    assert response.status_code == 200
    assert violations(response.content.decode()) == []


INLINE_IN_TEMPLATE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>"
    r"|<style[\s>]"
    r"|\sstyle=[\"']"
    r"|\son[a-z]+=[\"']"
    r"|javascript:"
    r"|(?:src|href)=[\"'](?:https?:)?//",
    re.IGNORECASE,
)


def _portal_templates() -> list[Path]:
    folders = [ROOT / "templates", *ROOT.glob("*/templates")]
    return sorted(
        path for folder in folders for path in folder.rglob("*.html") if ".venv" not in path.parts
    )


def test_no_portal_template_has_inline_script_style_or_handler():
    # Catches the pages no test above renders; templates/pdf/ is WeasyPrint's, not a browser's.
    templates = [p for p in _portal_templates() if "pdf" not in p.relative_to(ROOT).parts]
    assert templates
    offenders = {
        str(path.relative_to(ROOT)): INLINE_IN_TEMPLATE.findall(path.read_text(encoding="utf-8"))
        for path in templates
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_the_checker_sees_what_the_policy_blocks():
    page = (
        '<p style="color:red" onclick="go()">x</p><script>alert(1)</script>'
        '<script src="https://cdn.example.com/x.js"></script><style>p{}</style>'
        '<a href="javascript:void(0)">y</a><script src="/static/js/ok.js"></script>'
        '<script type="application/json">{"ok": 1}</script><img src="data:image/png;base64,AA">'
    )
    assert len(violations(page)) == 6
    assert INLINE_IN_TEMPLATE.findall('<script>x</script><div style="a">') != []
    assert INLINE_IN_TEMPLATE.findall('<script src="{% static "js/a.js" %}"></script>') == []


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium_console(url: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (scripts/install-system-deps.sh)")
def test_chromium_enforcing_the_policy_reports_no_violation(live_server, settings, tmp_path):
    settings.DEBUG = True
    call_command("load_demo")
    # The control: the same browser does report a violation when there is one.
    control = tmp_path / "control.html"
    control.write_text(
        '<html><head><meta http-equiv="Content-Security-Policy" content="style-src \'self\'">'
        '</head><body><p style="color:red">x</p></body></html>'
    )
    assert "Content Security Policy" in _chromium_console(control.as_uri(), tmp_path / "p").stderr

    for path in ["/ru/", "/en/documents/declaration/rev/1/", "/en/accounts/login/"]:
        result = _chromium_console(f"{live_server.url}{path}", tmp_path / "p")
        assert "</html>" in result.stdout, path
        assert "Content Security Policy" not in result.stderr, path
