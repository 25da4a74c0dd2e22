"""Benchmark of the drafting screens, run by hand (not part of the test suite):

    .venv/bin/python bench/drafts.py [--paragraphs 200] [--comments 5000] [--runs 5]

Builds, in a throwaway database (the test database of the configured DATABASE_URL, created
and destroyed by this script), a published revision with N paragraphs and M comments (half
of them replies, a quarter of the roots amendments) and a small one with 20 paragraphs and
50 comments, then times with Django's test client, in one process:

- a baseline: the public list of outcome documents (a trivial page);
- the reader of the small revision, as a delegate (the aim: the big one within 2× of it);
- the reader of the big revision, as a delegate and as the secretariat;
- the threads of its busiest paragraph, as the reader fetches them when they are opened;
- the triage screen (first page of 50, with counts per paragraph and per delegation).

It prints the median, the ratio to the baseline and to the small reader, the number of SQL
queries and the size of each page, and how many paragraphs the line breaker broke per
request (none, for a published revision: its lines are stored with it).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "summit.settings")
os.environ.setdefault("READ_DOT_ENV", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402


def build(paragraphs: int, comments: int, slug: str = "bench"):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.models import User
    from consultation.models import Comment
    from delegations.models import Delegation, Membership
    from drafts.models import OutcomeDocument, Paragraph, Revision
    from drafts.services import revision_publish
    from programme.models import Summit

    summit = Summit.objects.create(acronym=f"B-{slug}", name="Bench", host_city="Almaty")
    document = OutcomeDocument.objects.create(
        summit=summit,
        kind="declaration",
        title="Bench declaration",
        symbol=f"BENCH/{slug}",
        slug=slug,
        status="consultation",
    )
    secretariat = User.objects.create_user(f"sec@{slug}.example.org", "x", is_secretariat=True)
    # The secretariat acts as such only with two-factor authentication set up.
    TOTP.activate(secretariat, generate_totp_secret())
    draft = Revision.objects.create(document=document, number=1)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=draft,
            position=i + 1,
            kind="operative" if i % 4 else "preambular",
            text_ru=f"постановляет укреплять сотрудничество в бассейне номер {i} на основе данных;",
            text_en=f"decides to strengthen cooperation in basin number {i} on the basis of data;",
        )
        for i in range(paragraphs)
    )
    revision = revision_publish(revision=draft, user=secretariat)
    delegates = []
    for i in range(10):
        delegation = Delegation.objects.create(
            kind="member_state", name=f"Country {i}", iso_code=f"{slug[0]}{i}", slug=f"{slug}-{i}"
        )
        user = User.objects.create_user(f"d{i}@{slug}.example.org", "x")
        Membership.objects.create(user=user, delegation=delegation, role="delegate")
        delegates.append((user, delegation))
    ids = list(revision.paragraphs.order_by("position").values_list("pk", flat=True))
    roots = Comment.objects.bulk_create(
        Comment(
            revision=revision,
            paragraph_id=ids[i % len(ids)] if i % 20 else None,
            author=delegates[i % 10][0],
            delegation=delegates[i % 10][1],
            kind="amendment" if i % 4 == 1 and i % 20 else "comment",
            body=f"Comment number {i}: we suggest a clearer wording of this paragraph.",
            proposed_text="decides to strengthen regional cooperation on the basis of open data;"
            if i % 4 == 1 and i % 20
            else "",
            visibility="secretariat" if i % 9 == 0 else "all",
        )
        for i in range(comments // 2)
    )
    Comment.objects.bulk_create(
        Comment(
            revision=revision,
            paragraph_id=root.paragraph_id,
            parent=root,
            author=delegates[(i + 3) % 10][0],
            delegation=delegates[(i + 3) % 10][1],
            body=f"Reply number {i}: we agree.",
        )
        for i, root in enumerate(roots)
    )
    return revision, secretariat, delegates[0][0]


def measure(client: Client, url: str, runs: int) -> tuple[float, int, int, int]:
    """Median seconds, queries, bytes, and paragraphs line-broken per request."""
    from typesetting.lines import _break_lines

    client.get(url)  # warm up: templates, translations, connection
    times = []
    for _ in range(runs):
        before = _break_lines.cache_info()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        after = _break_lines.cache_info()
        assert response.status_code == 200, (url, response.status_code)
    broken = (after.hits + after.misses) - (before.hits + before.misses)
    return statistics.median(times), len(queries.captured_queries), len(response.content), broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--comments", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # publishing mails
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        with translation.override("en"):
            started = time.perf_counter()
            small, _small_secretariat, small_delegate = build(20, 50, slug="small")
            revision, secretariat, delegate = build(args.paragraphs, args.comments)
            print(
                f"built {args.paragraphs} paragraphs and {args.comments} comments "
                f"in {time.perf_counter() - started:.1f} s ({connection.vendor}); "
                f"load average {os.getloadavg()[0]:.1f}"
            )
            reader = reverse("revision_detail", args=[revision.document.slug, revision.number])
            busiest = (
                revision.paragraphs.annotate(n=Count("comments")).order_by("-n", "position").first()
            )
            threads = reverse(
                "paragraph_threads", args=[revision.document.slug, revision.number, busiest.key]
            )
            triage = reverse("comment_triage") + f"?document={revision.document_id}&revision=1"
            client = Client()
            client.force_login(small_delegate)
            rows = [
                ("baseline: document list", *measure(client, reverse("document_list"), args.runs)),
                ("reader 20 ¶/50, delegate", *measure(client, small.get_absolute_url(), args.runs)),
            ]
            client.force_login(delegate)
            big = f"reader {args.paragraphs} ¶/{args.comments}"
            rows.append((f"{big}, delegate", *measure(client, reader, args.runs)))
            rows.append((f"threads of one ¶ ({busiest.n})", *measure(client, threads, args.runs)))
            client.force_login(secretariat)
            rows.append((f"{big}, secretariat", *measure(client, reader, args.runs)))
            rows.append(("triage, secretariat", *measure(client, triage, args.runs)))
        baseline, small_reader = rows[0][1], rows[1][1]
        print(
            f"{'page':<30} {'median ms':>9} {'× list':>7} {'× small':>8} {'queries':>7} "
            f"{'KiB':>6} {'¶ broken':>8}"
        )
        for name, seconds, queries, size, broken in rows:
            print(
                f"{name:<30} {seconds * 1000:>9.1f} {seconds / baseline:>7.1f} "
                f"{seconds / small_reader:>8.2f} {queries:>7} {size / 1024:>6.0f} {broken:>8}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
