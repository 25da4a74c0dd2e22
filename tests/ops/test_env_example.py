""".env.example lists every setting, and copying it gives settings that start."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _example() -> str:
    return (ROOT / ".env.example").read_text()


def _documented() -> set[str]:
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", _example(), re.MULTILINE))


def _read_by_the_project() -> set[str]:
    settings = (ROOT / "summit" / "settings.py").read_text()
    gunicorn = (ROOT / "summit" / "gunicorn_conf.py").read_text()
    compose = (ROOT / "docker-compose.yml").read_text()
    backup = (ROOT / "scripts" / "backup.sh").read_text()
    return (
        set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]+)\"", settings))
        | set(re.findall(r"os\.environ\.get\(\"([A-Z][A-Z0-9_]+)\"", gunicorn))
        | set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", compose))
        | set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", backup))
    )


def test_every_variable_the_project_reads_is_explained_in_env_example():
    read = _read_by_the_project()
    assert {"SECRET_KEY", "DATABASE_URL", "LOG_FORMAT", "WEB_CONCURRENCY"} <= read
    assert read - _documented() == set()


def _values() -> dict:
    return dict(re.findall(r"^([A-Z][A-Z0-9_]+)=(.*)$", _example(), re.MULTILINE))


def _manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in _documented() and k != "DJANGO_SETTINGS_MODULE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "READ_DOT_ENV": "0", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_env_example_as_it_stands_gives_working_development_settings():
    result = _manage("check", env=_values())
    assert result.returncode == 0, result.stderr


def test_env_example_with_production_values_passes_the_deployment_checks():
    env = _values() | {
        "DEBUG": "false",
        "SECRET_KEY": "prod-" + "s3cr3t" * 10,
        "ALLOWED_HOSTS": "summit.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://summit.example.org",
    }
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
