"""Search at the issue's size: 10,000 published paragraphs and 500 register documents, in
Russian and English; the p95 of a query as the results page makes it (the first 20 hits, their
count and snippets), against a baseline measured in the same run: a lookup of one entry by
an indexed column.

    DATABASE_URL=sqlite:////tmp/bench-search.sqlite3 .venv/bin/python bench/search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/res_search_bench .venv/bin/python bench/search.py

The database is emptied and filled (it must be a scratch one); traffic stays in-process.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "summit.settings")
os.environ.setdefault("READ_DOT_ENV", "0")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

PARAGRAPHS = 10_000
PER_DOCUMENT = 200
DOCUMENTS = 500
RUNS = 200  # queries timed per database
RU = [
    "охрана",
    "восстановление",
    "деградация",
    "земель",
    "экосистем",
    "лесов",
    "вод",
    "ледников",
    "биоразнообразия",
    "снежного",
    "барса",
    "сотрудничество",
    "финансирование",
    "координация",
    "мониторинг",
    "устойчивого",
    "развития",
    "региона",
    "климата",
    "засухи",
    "опустынивания",
    "пастбищ",
    "горных",
    "степей",
    "адаптации",
]
RU_FORMS = ["", "и", "ой", "ам", "ами", "ах", "ию", "ей"]
EN = [
    "protection",
    "restoration",
    "degradation",
    "land",
    "ecosystems",
    "forests",
    "waters",
    "glaciers",
    "biodiversity",
    "snow",
    "leopard",
    "cooperation",
    "financing",
    "coordination",
    "monitoring",
    "sustainable",
    "development",
    "region",
    "climate",
    "drought",
    "desertification",
    "pastures",
    "mountain",
    "steppes",
    "adaptation",
]
QUERIES = [
    ("ru", "деградация"),
    ("ru", "восстановлению лесов"),
    ("ru", "ледники"),
    ("ru", "снежный барс"),
    ("ru", "финансирования координации"),
    ("en", "restore"),
    ("en", "glacier"),
    ("en", "protected forests"),
    ("en", "drought adaptation"),
    ("en", "leopards"),
]


def sentence(rng: random.Random, words: list[str], forms: list[str], n: int) -> str:
    return " ".join(rng.choice(words) + rng.choice(forms) for _ in range(n)).capitalize() + ";"


def load(rng: random.Random) -> None:
    from accounts.models import User
    from drafts.models import OutcomeDocument, Paragraph, Revision
    from programme.models import Meeting, Summit
    from register.models import Document, LanguageVersion, Register

    call_command("flush", "--no-input", verbosity=0)
    now = timezone.now()
    user = User.objects.create(email="bench@example.org")
    summit = Summit.objects.create(name_en="Bench", acronym="BENCH", host_city_en="Astana")
    meeting = Meeting.objects.create(
        summit=summit, kind="summit", title_en="Bench meeting", place_en="Astana", slug="bench"
    )
    Register.objects.create(meeting=meeting, prefix="BENCH/1")
    for d in range(PARAGRAPHS // PER_DOCUMENT):
        document = OutcomeDocument.objects.create(
            summit=summit,
            kind="declaration",
            title_ru=f"Проект документа {d}",
            title_en=f"Draft document {d}",
            symbol=f"BENCH/{d}",
            slug=f"bench-{d}",
        )
        revision = Revision.objects.create(document=document, number=1)
        Paragraph.objects.bulk_create(
            Paragraph(
                revision=revision,
                position=p,
                kind="operative",
                text_ru=sentence(rng, RU, RU_FORMS, 25),
                text_en=sentence(rng, EN, ["", "s", "ed", "ing"], 25),
            )
            for p in range(1, PER_DOCUMENT + 1)
        )
        Revision.objects.filter(pk=revision.pk).update(state="published", published_at=now)
    for n in range(1, DOCUMENTS + 1):
        document = Document.objects.create(
            meeting=meeting,
            series="INF",
            number=n,
            symbol=f"BENCH/1/INF/{n}",
            title_ru=f"Информационная записка {n}",
            title_en=f"Information note {n}",
            issued_at=now,
            issued_by=user,
        )
        LanguageVersion.objects.bulk_create(
            LanguageVersion(
                document=document,
                language=language,
                file=f"register/bench-{n}-{language}.pdf",
                original=language == "ru",
                format="pdf",
                size=1,
                sha256="0" * 64,
                issued_at=now,
                issued_by=user,
                text=" ".join(
                    sentence(rng, words, forms, 20) for _ in range(100)
                ),  # about 2,000 words a document
            )
            for language, words, forms in (("ru", RU, RU_FORMS), ("en", EN, ["", "s", "ed"]))
        )


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    from search.models import Entry, Stale
    from search.selectors import search_entries
    from search.services import search_reindex
    from search.snippets import snippet

    rng = random.Random(2026)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with transaction.atomic():
        load(rng)
        # The receivers marked the new units stale for after the commit: the run times
        # search_reindex alone, so the marks are dropped (search.services.index_on_commit).
        Stale.objects.all().delete()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    entries = search_reindex()
    indexed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_entry")
    anonymous = AnonymousUser()
    units = list(Entry.objects.values_list("unit", flat=True).distinct())

    def query(language: str, q: str) -> int:
        hits = search_entries(user=anonymous, q=q, language=language)
        page = list(hits[:20])
        for entry in page:
            snippet(entry.body, language, q)
        return hits.count() if len(page) == 20 else len(page)

    def baseline(unit: str) -> int:
        return len(list(Entry.objects.filter(unit=unit)[:1]))

    for language, q in QUERIES:  # warm-up, and the numbers of hits
        print(f"  {language} {q!r}: {query(language, q)} hits", flush=True)
    times, base = [], []
    for i in range(RUNS):
        language, q = QUERIES[i % len(QUERIES)]
        started = time.perf_counter()
        query(language, q)
        times.append((time.perf_counter() - started) * 1000)
        unit = units[i % len(units)]
        started = time.perf_counter()
        baseline(unit)
        base.append((time.perf_counter() - started) * 1000)
    print(
        f"database={connection.vendor} paragraphs={PARAGRAPHS} documents={DOCUMENTS} "
        f"entries={entries} load_s={loaded:.1f} reindex_s={indexed:.1f}"
    )
    print(
        f"search  ms: p50={statistics.median(times):.2f} p95={p95(times):.2f} max={max(times):.2f}"
        f" (n={len(times)})"
    )
    print(
        f"baseline ms: p50={statistics.median(base):.3f} p95={p95(base):.3f} (one entry by its"
        " indexed unit)"
    )
    print(f"ratio p95 search/baseline: {p95(times) / p95(base):.0f}x")


if __name__ == "__main__":
    main()
