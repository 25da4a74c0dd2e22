"""Settings come from the environment; production settings refuse an insecure key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _settings(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import django, json; from django.conf import settings; django.setup();"
        "print(json.dumps({'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS,"
        "'engine': settings.DATABASES['default']['ENGINE'],"
        "'eager': settings.CELERY_TASK_ALWAYS_EAGER,"
        "'email': settings.EMAIL_BACKEND}))"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "summit.settings", "READ_DOT_ENV": "0", **env},
        capture_output=True,
        text=True,
    )


def test_embedded_default_is_sqlite_with_eager_tasks_and_console_mail():
    result = _settings({})
    assert result.returncode == 0, result.stderr
    assert '"engine": "django.db.backends.sqlite3"' in result.stdout
    assert '"eager": true' in result.stdout
    assert "console" in result.stdout


def test_database_and_redis_come_from_the_environment():
    result = _settings(
        {
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/somedb",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        }
    )
    assert result.returncode == 0, result.stderr
    assert '"engine": "django.db.backends.postgresql"' in result.stdout
    assert '"eager": false' in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _settings({"DEBUG": "false", "ALLOWED_HOSTS": "summit.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = _settings(
        {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-value",
            "ALLOWED_HOSTS": "summit.example.org",
        }
    )
    assert result.returncode == 0, result.stderr
    assert '"debug": false' in result.stdout
    assert '"hosts": ["summit.example.org"]' in result.stdout


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_named():
    code = (
        "import django; django.setup();"
        "from pdfs.storage import pdf_storage; storage = pdf_storage();"
        "print(type(storage).__name__, storage.bucket_name, storage.endpoint_url)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "summit.settings",
            "READ_DOT_ENV": "0",
            "AWS_STORAGE_BUCKET_NAME": "res2026-media",
            "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "res2026-media", "http://127.0.0.1:9000"]


WRITERS_AT_ONCE = """
import threading, time, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE counter (n integer)")
    cursor.execute("INSERT INTO counter VALUES (0)")
connection.close()
errors = []
def write():
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT n FROM counter")  # read, then write: the upgrade that fails
            (n,) = cursor.fetchone()
            time.sleep(0.2)
            cursor.execute("UPDATE counter SET n = %s", [n + 1])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=write) for _ in range(4)]
[thread.start() for thread in threads]
[thread.join() for thread in threads]
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter")
    print(errors, cursor.fetchone()[0])
"""


def test_the_embedded_default_lets_writers_wait_for_each_other_instead_of_failing(tmp_path):
    # SQLite's default lets two transactions read and then refuses the second one's write
    # ("database is locked", which the portal answers with a 503); runserver has threads.
    result = subprocess.run(
        [sys.executable, "-c", WRITERS_AT_ONCE],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "summit.settings",
            "READ_DOT_ENV": "0",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "4"]  # no error, and no update lost
