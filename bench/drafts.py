"""Benchmark of the drafting screens, run by hand (not part of the test suite):

    .venv/bin/python bench/drafts.py [--paragraphs 200] [--comments 5000] [--runs 5]

Builds, in a throwaway database (the test database of the configured DATABASE_URL, created
and destroyed by this script), one published revision with N paragraphs and M comments
(half of them replies, a quarter of the roots amendments), then times with Django's test
client, in one process:

- a baseline: the public list of outcome documents (a trivial page);
- the reader of the revision, as a delegate and as the secretariat;
- the triage screen (first page of 50, with counts per paragraph and per delegation).

It prints the median and the ratio to the baseline, so that figures from different
machines can be compared; and the number of SQL queries of each page.
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
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402


def build(paragraphs: int, comments: int):
    from accounts.models import User
    from delegations.models import Delegation, Membership
    from drafts.models import Comment, OutcomeDocument, Paragraph, Revision
    from drafts.services import revision_publish
    from summit.models import Summit

    summit = Summit.objects.create(acronym="BENCH", name="Bench", host_city="Almaty")
    document = OutcomeDocument.objects.create(
        summit=summit,
        kind="declaration",
        title="Bench declaration",
        symbol="BENCH/1",
        slug="bench",
        status="consultation",
    )
    secretariat = User.objects.create_user("sec@bench.example.org", "x", is_secretariat=True)
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
            kind="member_state", name=f"Country {i}", iso_code=f"Q{i}", slug=f"country-{i}"
        )
        user = User.objects.create_user(f"d{i}@bench.example.org", "x")
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


def measure(client: Client, url: str, runs: int) -> tuple[float, int, int]:
    client.get(url)  # warm up: templates, translations, connection
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries.captured_queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--comments", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        with translation.override("en"):
            started = time.perf_counter()
            revision, secretariat, delegate = build(args.paragraphs, args.comments)
            print(
                f"built {args.paragraphs} paragraphs and {args.comments} comments "
                f"in {time.perf_counter() - started:.1f} s ({connection.vendor})"
            )
            reader = reverse("revision_detail", args=[revision.document.slug, revision.number])
            triage = reverse("comment_triage") + f"?document={revision.document_id}&revision=1"
            client = Client()
            client.force_login(delegate)
            rows = [
                ("baseline: document list", *measure(client, reverse("document_list"), args.runs))
            ]
            rows.append(("reader, delegate", *measure(client, reader, args.runs)))
            client.force_login(secretariat)
            rows.append(("reader, secretariat", *measure(client, reader, args.runs)))
            rows.append(("triage, secretariat", *measure(client, triage, args.runs)))
        baseline = rows[0][1]
        print(f"{'page':<26} {'median ms':>10} {'× baseline':>11} {'queries':>8} {'KiB':>7}")
        for name, seconds, queries, size in rows:
            print(
                f"{name:<26} {seconds * 1000:>10.1f} {seconds / baseline:>11.1f} "
                f"{queries:>8} {size / 1024:>7.0f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
