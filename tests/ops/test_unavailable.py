"""With the database down, pages and the API say the portal will be back: 503 with
Retry-After, a page that needs no database (in the reader's language), the API's JSON error;
never a 500."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, RequestFactory

from portal.unavailable import server_error

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=[OperationalError, InterfaceError])
def database_down(request, db, monkeypatch):
    """Every query fails as it does when PostgreSQL is stopped (OperationalError) or the
    connection is gone (InterfaceError); the fixture's undo comes before the test database's
    own teardown."""
    error = request.param

    def fail(*args, **kwargs):
        raise error("could not connect to server: Connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", fail)
        patch.setattr(CursorWrapper, "executemany", fail)
        yield error


def test_a_page_answers_503_with_retry_after_and_says_the_portal_will_be_back(database_down):
    response = Client(raise_request_exception=False).get("/ru/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert '<html lang="ru">' in page
    assert "Портал скоро вернётся" in page
    assert "The portal will be back" not in page


def test_the_page_is_in_english_under_en(database_down):
    response = Client(raise_request_exception=False).get("/en/initiatives/")

    assert response.status_code == 503
    assert "The portal will be back shortly" in response.content.decode()


def test_a_logged_in_reader_gets_the_503_page_too(database_down, client):
    client.cookies["sessionid"] = "a-session-the-database-cannot-load"

    response = client.get("/en/documents/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_the_api_answers_503_in_its_error_format(database_down):
    response = Client(raise_request_exception=False).get(
        "/api/v1/initiatives/", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "error": {
            "status": 503,
            "code": "unavailable",
            "message": "The portal cannot reach its database. Try again in a minute.",
        }
    }


def test_readyz_still_says_which_service_is_down(database_down):
    assert Client().get("/readyz").status_code == 503


def test_a_database_error_outside_a_view_is_a_503_and_any_other_error_a_500():
    request = RequestFactory().get("/api/v1/summits/")
    try:
        raise OperationalError("the session could not be saved")
    except OperationalError:
        assert server_error(request).status_code == 503
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


@pytest.mark.parametrize(
    ("path", "kind"), [("/ru/", "text/html"), ("/api/v1/initiatives/", "application/json")]
)
def test_a_real_closed_database_port_gives_503_not_500(path, kind):
    # A separate process whose database is a PostgreSQL address where nobody listens; its
    # settings are the production ones (DEBUG off), so handler500 is the one in play.
    code = (
        "import django, json; django.setup();"
        # No collectstatic here: the static files are served unhashed.
        "from django.test.utils import override_settings;"
        "override_settings(STORAGES={'staticfiles': {'BACKEND':"
        " 'django.contrib.staticfiles.storage.StaticFilesStorage'}}).enable();"
        "from django.test import Client;"
        f"r = Client(raise_request_exception=False).get({path!r});"
        "print(json.dumps({'status': r.status_code, 'retry': r.get('Retry-After'),"
        " 'type': r['Content-Type']}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "summit.settings",
        "READ_DOT_ENV": "0",
        "DEBUG": "false",
        "SECRET_KEY": "a-long-enough-secret-key-for-this-test-only-0123456789abcdef",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere",
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "retry": "30", "type": answer["type"]}
    assert answer["type"].startswith(kind)
