"""Production logs are JSON lines on stdout; development keeps readable text."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE = (
    "import django, logging, warnings; django.setup();"
    "logging.getLogger('drafts').warning('revision published', extra={'revision': 7});"
    "warnings.warn('something is deprecated');"
    "logging.getLogger('django.request').error('boom')"
)


def _run(env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "LOG_FORMAT", "DATABASE_URL", "REDIS_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", CODE],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "summit.settings", "READ_DOT_ENV": "0", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_logs_one_json_object_per_line_on_stdout():
    result = _run({"DEBUG": "false", "SECRET_KEY": "p" * 60, "ALLOWED_HOSTS": "x.example.org"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["message"] for r in records][0] == "revision published"
    assert records[0]["level"] == "WARNING"
    assert records[0]["logger"] == "drafts"
    assert records[0]["revision"] == 7
    assert any("something is deprecated" in r["message"] for r in records)
    assert records[-1]["logger"] == "django.request"


def test_development_logs_plain_text():
    result = _run({})
    assert result.returncode == 0, result.stderr
    assert "revision published" in result.stderr
    assert not result.stderr.lstrip().startswith("{")


def test_an_unknown_log_format_is_refused():
    result = _run({"LOG_FORMAT": "xml"})
    assert result.returncode != 0
    assert "LOG_FORMAT" in result.stderr
