"""A session day under load: Locust's simulated users against gunicorn, PostgreSQL and Redis.

    .venv/bin/python bench/session_day.py [--users 300] [--minutes 10] [--workers 3]
    SESSION_DAY_DATABASE_URL=postgres://postgres@127.0.0.1:5432/res_load \
    SESSION_DAY_REDIS_URL=redis://127.0.0.1:6379/10 .venv/bin/python bench/session_day.py

Steps, each bounded in time: a throwaway PostgreSQL database (created, then dropped), the
demo loaded into it with `--users` delegate accounts of its own (bench accounts, never in the
normal demo) and one session per secretariat member made here (their second factor is a
login step, not what is measured); the PDFs made once, as the Celery worker would before the
day; gunicorn with the production settings (DEBUG off, summit.gunicorn_conf); then Locust
headless (bench/locustfile.py) for `--minutes`; and a table of p50/p95/p99 per request kind,
errors and throughput, in the Markdown of docs/benchmarks.md. Only 127.0.0.1 is contacted.
"""

import argparse
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_PASSWORD = "session-day-bench"
BENCH_DOMAIN = "bench.example.org"


def seed(delegates: int) -> None:
    """Demo data, the bench's delegates and secretariat sessions, and the PDFs; prints JSON."""
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.utils import translation

    from accounts.models import User
    from delegations.models import Delegation, Membership
    from demo.loader import demo_load
    from drafts.models import OutcomeDocument
    from drafts.selectors import paragraphs_numbered
    from pdfs.documents import available_languages
    from pdfs.services import pdf_job_request

    demo_load(password=BENCH_PASSWORD)
    delegations = list(Delegation.objects.order_by("pk"))
    template = User(email="template@" + BENCH_DOMAIN)
    template.set_password(BENCH_PASSWORD)
    users = User.objects.bulk_create(
        User(
            email=f"delegate-{i:03}@{BENCH_DOMAIN}",
            first_name="Bench",
            last_name=f"Delegate {i}",
            password=template.password,
        )
        for i in range(delegates)
    )
    Membership.objects.bulk_create(
        Membership(user=user, delegation=delegations[i % len(delegations)], role="delegate")
        for i, user in enumerate(users)
    )
    cookies = []
    for user in User.objects.filter(is_secretariat=True):
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)

    def unprefixed(path: str) -> str:
        # The locustfile puts each simulated user's own language in front.
        return path.removeprefix(f"/{translation.get_language()}")

    translation.activate(settings.LANGUAGE_CODE)
    revisions = []
    for document in OutcomeDocument.objects.published().order_by("pk"):
        revision = document.latest_published_revision()
        for language in available_languages():
            pdf_job_request(revision=revision, language=language, user=None)
        revisions.append(
            {
                "path": unprefixed(revision.get_absolute_url()),
                "pdf": f"/pdf/{document.slug}/rev/{revision.number}/",
                "api": f"/api/v1/documents/{document.pk}/revisions/{revision.number}/",
                "document": unprefixed(document.get_absolute_url()),
                "open": document.consultation_open,
                "keys": [p.key for p in paragraphs_numbered(revision)],
            }
        )
    print(
        json.dumps(
            {
                "delegates": [user.email for user in users],
                "password": BENCH_PASSWORD,
                "secretariat_cookies": cookies,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "languages": list(available_languages()),
                "revisions": revisions,
            }
        )
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not start")


def database(url: str, action: str) -> None:
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        if action == "create":
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def postgres_settings(url: str) -> str:
    import psycopg2

    names = ("max_connections", "shared_buffers", "work_mem", "effective_cache_size")
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        values = [f"PostgreSQL {cursor.fetchone()[0].split()[0]}"]
        for name in names:
            cursor.execute(f"SHOW {name}")
            values.append(f"{name}={cursor.fetchone()[0]}")
    return ", ".join(values)


def report(prefix: str, args, gunicorn: str, postgres: str, server_errors: int) -> None:
    with open(f"{prefix}_stats.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    print(
        f"{args.users} users (spawned at {args.spawn_rate}/s) for {args.minutes:g} min; "
        f"{gunicorn}; {postgres}; {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )
    print()
    print("| request kind | requests | failures | p50 ms | p95 ms | p99 ms | req/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        name = "**all**" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        print(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} "
            f"| {row['95%']} | {row['99%']} | {float(row['Requests/s']):.1f} |"
        )
    print()
    print(f"Server errors (5xx) in gunicorn's access log: {server_errors}")
    try:
        with open(f"{prefix}_failures.csv", newline="") as f:
            for row in csv.DictReader(f):
                print(f"- {row['Method']} {row['Name']}: {row['Error']} × {row['Occurrences']}")
    except FileNotFoundError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-requests", type=int, default=1000, help="gunicorn's; 0: never")
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed is not None:
        seed(args.seed)
        return

    database_url = os.environ.get(
        "SESSION_DAY_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/res2026_session_day"
    )
    redis_url = os.environ.get("SESSION_DAY_REDIS_URL", "redis://127.0.0.1:6379/9")
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": str(ROOT),
            "READ_DOT_ENV": "0",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            # The PDFs are made before the day (seed); a request for one finds it ready.
            "CELERY_TASK_ALWAYS_EAGER": "true",
            "MEDIA_ROOT": f"{tmp}/media",
            "STATIC_ROOT": f"{tmp}/static",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # Every simulated user comes from 127.0.0.1; in the hall they share the venue's
            # address, on the public site each visitor has their own. The API's per-address
            # throttle would then refuse the crowd as one client: lifted here only.
            "API_THROTTLE_ANON": "1000000/second",
            "API_THROTTLE_USER": "1000000/second",
            "WEB_CONCURRENCY": str(args.workers),
            "GUNICORN_THREADS": str(args.threads),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_MAX_REQUESTS": str(args.max_requests),
            "LOG_FORMAT": "text",
        }
        env.pop("DATABASE_URL_REPLICA", None)
        python = sys.executable
        run = {"env": env, "cwd": ROOT, "check": True, "timeout": 600}
        database(database_url, "create")
        server = None
        try:
            subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], **run)
            subprocess.run(
                [
                    python,
                    "-c",
                    "import redis,sys; redis.from_url(sys.argv[1]).flushdb()",
                    redis_url,
                ],
                **run,
            )
            seeded = (
                subprocess.run(
                    [python, __file__, "--seed", str(args.users)],
                    stdout=subprocess.PIPE,
                    text=True,
                    # The demo refuses production settings (a guard for real sites); only the seed
                    # runs with DEBUG on, the portal under load with it off.
                    **{**run, "env": {**env, "DEBUG": "true"}},
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            Path(tmp, "seed.json").write_text(seeded)
            postgres = postgres_settings(database_url)
            log = Path(tmp, "gunicorn.log").open("w")  # noqa: SIM115 (closed with the server)
            server = subprocess.Popen(
                [
                    str(Path(python).parent / "gunicorn"),
                    "-c",
                    "python:summit.gunicorn_conf",
                    "summit.wsgi:application",
                ],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            wait_until_up(port)
            prefix = str(Path(tmp, "locust"))
            subprocess.run(
                [
                    str(Path(python).parent / "locust"),
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                    "--host",
                    f"http://127.0.0.1:{port}",
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    str(args.spawn_rate),
                    "--run-time",
                    f"{round(args.minutes * 60)}s",
                    "--stop-timeout",
                    "10",
                    "--csv",
                    prefix,
                ],
                env={**os.environ, "SESSION_DAY_SEED": str(Path(tmp, "seed.json"))},
                cwd=ROOT,
                timeout=args.minutes * 60 + 120,
                stdout=subprocess.DEVNULL,
            )
            log.flush()
            lines = Path(tmp, "gunicorn.log").read_text().splitlines()
            server_errors = sum(1 for line in lines if '" 5' in line and "HTTP/" in line)
            # Refusals and errors the portal logged (CSRF, tracebacks), the first few.
            for line in [line for line in lines if "WARNING" in line or "ERROR" in line][:8]:
                print(line[:300], file=sys.stderr)
            gunicorn = (
                f"gunicorn {args.workers} workers × {args.threads} threads, "
                f"max_requests {args.max_requests}"
            )
            report(prefix, args, gunicorn, postgres, server_errors)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=60)
                log.close()
            database(database_url, "drop")


if __name__ == "__main__":
    main()
