"""The API's cost in one process, beside the bare JsonResponse view: figures that a shared
machine's load moves less than bench/api.py's, and, with --instructions, not at all.

    .venv/bin/python bench/api_inprocess.py [--requests 200] [--rounds 7] [--cache-seconds 0]
    .venv/bin/python bench/api_inprocess.py --instructions [--requests 50]
    .venv/bin/python bench/api_inprocess.py --profile /api/v1/initiatives/ [--requests 500]

Seeds bench/api.py's data (12 initiatives, a published revision of 200 paragraphs) into a
fresh SQLite file (production settings, DEBUG off, the cache in each process's memory) and
calls the WSGI application directly, without a server or sockets: the time of Django, DRF
and the view alone. bench/api.py's HTTP ratios are lower, since its baseline also pays
gunicorn and the HTTP clients.

- by default: milliseconds per request, rounds taken in turn, and each round's ratio of the
  bare view's time to the endpoint's;
- --instructions: instructions per request counted by valgrind's callgrind (each path in a
  process of its own, only the requests counted), independent of the machine's load;
- --profile PATH: cProfile's heaviest functions for PATH.
"""

import argparse
import io
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BARE = "/bench/json/"
LIST = "/api/v1/initiatives/"


def environ(path: str) -> dict:
    parts = urlsplit(path)
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_LANGUAGE": "en",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def call(application, path: str) -> bytes:
    status = []

    def start_response(code, headers, exc_info=None):
        status.append(code)

    body = b"".join(application(environ(path), start_response))
    if not status[0].startswith("200"):
        raise SystemExit(f"{path}: {status[0]}")
    return body


def timed(application, path: str, requests: int) -> float:
    """Seconds per request."""
    started = time.perf_counter()
    for _ in range(requests):
        call(application, path)
    return (time.perf_counter() - started) / requests


def setup(cache_seconds: str = "0", database: str = ""):
    """Django set up on a SQLite file holding bench/api.py's data, made unless `database`
    names one made before: (the WSGI application, the revision's path)."""
    tmp = tempfile.mkdtemp()
    database = database or f"{tmp}/bench.sqlite3"
    made = Path(database).exists()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "READ_DOT_ENV": "0",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{database}",
            "REDIS_URL": "",
            "CELERY_TASK_ALWAYS_EAGER": "true",
            "STATIC_ROOT": tmp,
            "API_THROTTLE_ANON": "1000000/second",
            "API_THROTTLE_USER": "1000000/second",
            "API_CACHE_SECONDS": cache_seconds,
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if not made:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        sys.stdout = io.StringIO()  # seed() prints the revision's path
        from bench.api import seed

        try:
            seed()
        finally:
            sys.stdout = sys.__stdout__
    from django.core.wsgi import get_wsgi_application

    from drafts.models import Revision

    revision = Revision.objects.filter(number=1).order_by("pk").first()
    return get_wsgi_application(), f"/api/v1/documents/{revision.document_id}/revisions/1/"


def instructions(args) -> None:
    """Each path in a process of its own under callgrind, counting only its requests (they
    run inside one call of the built-in any(), the only one that collects)."""
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    _application, revision_path = setup(args.cache_seconds, str(database))
    paths = {"bare JsonResponse": BARE, LIST: LIST, "revision, 200 paragraphs": revision_path}
    counts = {}
    for name, path in paths.items():
        out = database.parent / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                "--toggle-collect=builtin_any",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--loop",
                path,
                "--requests",
                str(args.requests),
                "--database",
                str(database),
                "--cache-seconds",
                args.cache_seconds,
            ],
            check=True,
            capture_output=True,
            timeout=1800,
        )
        total = re.search(r"^totals: (\d+)", out.read_text(), re.MULTILINE)
        counts[name] = int(total.group(1)) / args.requests
    print(
        f"instructions per request (callgrind), in process, SQLite, local memory, "
        f"API_CACHE_SECONDS={args.cache_seconds}; {args.requests} requests each"
    )
    print(f"{'endpoint':28} {'instructions':>13} {'ratio':>6}")
    for name, count in counts.items():
        print(f"{name:28} {count:13,.0f} {counts['bare JsonResponse'] / count:6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cache-seconds", default="0")
    parser.add_argument("--profile", metavar="PATH")
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--loop", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--database", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.instructions:
        instructions(args)
        return

    application, revision_path = setup(args.cache_seconds, args.database)
    paths = {"bare JsonResponse": BARE, LIST: LIST, "revision, 200 paragraphs": revision_path}
    for path in paths.values():
        for _ in range(20):  # warm: each process's first requests build what it keeps
            call(application, path)

    if args.loop:  # under callgrind (--instructions): only this call is counted
        any(call(application, args.loop) is None for _ in range(args.requests))
        return

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            call(application, args.profile)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(40)
        return

    times: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(args.rounds):
        for name, path in paths.items():
            times[name].append(timed(application, path, args.requests))
    print(
        f"in process (WSGI calls), SQLite, local memory, API_CACHE_SECONDS={args.cache_seconds}; "
        f"{args.rounds} rounds of {args.requests}; load average {os.getloadavg()[0]:.1f}"
    )
    baseline = times["bare JsonResponse"]
    print(f"{'endpoint':28} {'ms':>7} {'ratio':>6} {'rounds':>13}")
    for name, rounds in times.items():
        ratios = [base / t for t, base in zip(rounds, baseline, strict=True)]
        print(
            f"{name:28} {statistics.median(rounds) * 1000:7.2f} "
            f"{statistics.median(ratios):6.3f} {min(ratios):.3f}–{max(ratios):.3f}"
        )


if __name__ == "__main__":
    main()
