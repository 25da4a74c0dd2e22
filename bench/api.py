"""Requests per second of the API, each as a ratio to a bare Django JsonResponse view.

    .venv/bin/python bench/api.py [--seconds 5] [--clients 16] [--workers 2]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/res2026 REDIS_URL=redis://127.0.0.1:6379/9 \
        .venv/bin/python bench/api.py

Serves the project with gunicorn on 127.0.0.1 (production settings, DEBUG off), seeds 12
initiatives with tags, partners and funding and a revision of 200 paragraphs published through
the portal's own service, then measures /api/v1/initiatives/ and that revision against
/bench/json/ in the same run, and prints the figures.

The database is a fresh SQLite file in a temporary folder, or, with a PostgreSQL DATABASE_URL,
a throwaway database beside the named one (`<name>_bench_api`, created and dropped here).
The cache is each worker's local memory, or Redis with REDIS_URL (as production runs; the
throttling counters then live there too). Only 127.0.0.1 is contacted; every phase is
bounded in time.
"""

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def seed() -> None:
    import django

    django.setup()
    from accounts.models import User
    from delegations.models import Delegation
    from drafts.models import OutcomeDocument, Paragraph, Revision
    from drafts.services import revision_publish
    from initiatives.models import FundingEntry, Initiative, Tag
    from programme.models import Summit

    delegations = [
        Delegation.objects.create(
            kind="member_state",
            name_en=f"Country {i}",
            name_ru=f"Страна {i}",
            iso_code=f"Q{chr(65 + i)}",
            slug=f"country-{i}",
        )
        for i in range(5)
    ]
    tags = [
        Tag.objects.create(kind="theme", name_en=f"Theme {i}", name_ru=f"Тема {i}", slug=f"t{i}")
        for i in range(3)
    ]
    for i in range(12):
        initiative = Initiative.objects.create(
            title_en=f"Initiative {i}",
            title_ru=f"Инициатива {i}",
            slug=f"initiative-{i}",
            summary_en="A regional initiative. " * 10,
            summary_ru="Региональная инициатива. " * 10,
            lead_delegation=delegations[i % 5],
        )
        initiative.tags.set(tags)
        initiative.partners.set(delegations[:2])
        for status in ("pledged", "committed", "disbursed", "pledged"):
            FundingEntry.objects.create(
                initiative=initiative, source=delegations[1], amount=1000, status=status
            )
    summit = Summit.objects.create(acronym="RES-2026", name_en="Summit", host_city_en="Astana")
    document = OutcomeDocument.objects.create(
        summit=summit, kind="declaration", title_en="Declaration", symbol="D/1", slug="d"
    )
    revision = Revision.objects.create(document=document, number=1)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=revision,
            position=p,
            kind="operative" if p > 20 else "preambular",
            text_en="Decides to protect the mountain forests and their species, " * 4,
            text_ru="Постановляет охранять горные леса и их виды, " * 4,
        )
        for p in range(1, 201)
    )
    publisher = User.objects.create_user("sec@bench.example.org", "x", is_secretariat=True)
    revision_publish(revision=revision, user=publisher)
    print(f"/api/v1/documents/{document.pk}/revisions/1/")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            get(port, "/bench/json/")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def measure(port: int, path: str, seconds: float, clients: int) -> float:
    """Requests per second from `clients` threads for `seconds` (after a short warm-up)."""
    for _ in range(5):
        if get(port, path) != 200:
            raise SystemExit(f"{path} does not answer 200")
    done = [0] * clients
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        while time.monotonic() < stop:
            if get(port, path) == 200:
                done[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        seed()
        return

    with tempfile.TemporaryDirectory() as tmp, throwaway_database(tmp) as database_url:
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
            "REDIS_URL": os.environ.get("REDIS_URL", ""),
            "CELERY_TASK_ALWAYS_EAGER": "true",
            "STATIC_ROOT": tmp,
            # Throttled as in production (a counter per client in the cache), but never
            # refused: a minute of bench traffic from one address is tens of thousands.
            "API_THROTTLE_ANON": "1000000/second",
            "API_THROTTLE_USER": "1000000/second",
        }
        python = sys.executable
        run = {"env": env, "cwd": ROOT, "check": True, "timeout": 300}
        subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], **run)
        revision_path = (
            subprocess.run([python, __file__, "--seed"], capture_output=True, text=True, **run)
            .stdout.strip()
            .splitlines()[-1]
        )

        results = {}
        for label, cache_seconds in (("portal cache on (default)", "10"), ("cache off", "0")):
            results[label] = serve_and_measure(
                {**env, "API_CACHE_SECONDS": cache_seconds}, revision_path, args
            )

    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
    print(f"{database}, cache in {cache}; load average {os.getloadavg()[0]:.1f}")
    print(
        f"gunicorn {args.workers} workers, {args.clients} clients, {args.seconds:g} s each "
        f"in {max(1, round(args.seconds))} rounds taken in turn; the median round's figures"
    )
    for label, rates in results.items():
        baseline = rates["bare JsonResponse"]
        print(f"\n{label}")
        print(f"{'endpoint':28} {'req/s':>8} {'ratio':>6} {'rounds':>13}")
        for name, rounds in rates.items():
            ratios = [rate / base for rate, base in zip(rounds, baseline, strict=True)]
            spread = f"{min(ratios):.2f}–{max(ratios):.2f}"
            print(
                f"{name:28} {statistics.median(rounds):8.1f} "
                f"{statistics.median(ratios):6.2f} {spread:>13}"
            )


@contextmanager
def throwaway_database(tmp: str):
    """A fresh SQLite file, or a PostgreSQL database beside DATABASE_URL's, dropped after."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp}/bench.sqlite3"
        return
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'postgres'}_bench_api"
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    statement = sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
    with admin.cursor() as cursor:
        cursor.execute(statement)
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with admin.cursor() as cursor:
            cursor.execute(statement)
        admin.close()


def serve_and_measure(env: dict, revision_path: str, args) -> dict[str, float]:
    """Start gunicorn with `env`, measure the three paths, stop it."""
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            "summit.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_up(port)
        paths = {
            "bare JsonResponse": "/bench/json/",
            "/api/v1/initiatives/": "/api/v1/initiatives/",
            "revision, 200 paragraphs": revision_path,
        }
        # Short rounds in turn, so that the machine's drift (its other work, the database's
        # own) falls on the baseline and the endpoints alike; each round gives its own ratios.
        rounds = max(1, round(args.seconds))
        rates: dict[str, list[float]] = {name: [] for name in paths}
        for _ in range(rounds):
            for name, path in paths.items():
                rates[name].append(measure(port, path, args.seconds / rounds, args.clients))
        return rates
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
