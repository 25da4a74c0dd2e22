"""Benchmark of the PDF pipeline: `bench/pdf` (or `python bench/pdf_bench.py`).

Renders a published 100-paragraph revision through the whole pipeline (HTTP request, job
row, line breaking, template, WeasyPrint, storage), and the same HTML with WeasyPrint alone,
then times a cached request. Runs on a throw-away SQLite database with eager tasks, so it
measures the portal's own overhead, not a broker.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "summit.settings",
        "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(WORK / "media"),
        "REDIS_URL": "",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "READ_DOT_ENV": "0",
        "LOG_LEVEL": "WARNING",
    }
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from weasyprint import HTML  # noqa: E402

from accounts.models import User  # noqa: E402
from drafts.models import OutcomeDocument, Paragraph, Revision  # noqa: E402
from drafts.services import revision_publish  # noqa: E402
from pdfs import documents  # noqa: E402
from pdfs.models import PdfJob  # noqa: E402
from programme.models import Summit  # noqa: E402
from typesetting.pdf import BASE_URL, PortalURLFetcher  # noqa: E402

PARAGRAPHS = 100
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CACHED_RUNS = 20
RU = (
    "призывает государства Центральной Азии укреплять сотрудничество в области охраны "
    "трансграничных водных ресурсов, сохранения биологического разнообразия, адаптации к "
    "изменению климата и восстановления деградировавших земель в бассейне Аральского моря"
)
EN = (
    "calls upon the States of Central Asia to strengthen cooperation on the protection of "
    "transboundary water resources, the conservation of biological diversity, adaptation to "
    "climate change and the restoration of degraded land in the Aral Sea basin"
)


def make_revision() -> Revision:
    summit = Summit.objects.create(
        acronym="RES-2026",
        name_ru="Региональный экологический саммит стран Центральной Азии",
        name_en="Regional Ecological Summit of Central Asia",
        host_city_en="Almaty",
    )
    document = OutcomeDocument.objects.create(
        summit=summit,
        kind="declaration",
        title_ru="Проект декларации",
        title_en="Draft declaration",
        symbol="RES-2026/DECL/DRAFT",
        slug="declaration",
    )
    revision = Revision.objects.create(document=document, number=1)
    kinds = ["heading"] + ["preambular"] * 14 + ["operative"] * (PARAGRAPHS - 15)
    Paragraph.objects.bulk_create(
        Paragraph(
            revision=revision,
            position=position,
            kind=kind,
            text_ru="Раздел" if kind == "heading" else f"{position}. {RU};",
            text_en="Section" if kind == "heading" else f"{position}. {EN};",
            negotiation="bracketed" if position % 9 == 0 else "agreed",
        )
        for position, kind in enumerate(kinds, start=1)
    )
    user = User.objects.create_user(email="bench@example.org", password=None)
    return revision_publish(revision=revision, user=user)


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    call_command("migrate", verbosity=0)
    revision = make_revision()
    client = Client()
    url = reverse("pdf_request", args=[revision.document.slug, revision.number, "ru"])

    def pipeline():
        response = client.post(url, HTTP_ACCEPT="application/json")
        assert response.json()["status"] == "ready", response.json()

    def forget():
        for job in PdfJob.objects.all():
            job.file.delete(save=False)
        PdfJob.objects.all().delete()

    html = documents.revision_html(documents.revision_context(revision, "ru"))

    def weasyprint_alone():
        HTML(string=html, base_url=BASE_URL, url_fetcher=PortalURLFetcher()).write_pdf()

    weasyprint_alone()  # warm-up: fonts, caches
    pipeline_times, alone_times = [], []
    for run in range(RUNS):
        # Interleaved, alternating which goes first: on a shared machine the load drifts.
        forget()
        if run % 2:
            alone_times.append(timed(weasyprint_alone))
            pipeline_times.append(timed(pipeline))
        else:
            pipeline_times.append(timed(pipeline))
            alone_times.append(timed(weasyprint_alone))
    pages = PdfJob.objects.get().pages
    cached = [timed(pipeline) for _run in range(CACHED_RUNS)]
    assert PdfJob.objects.count() == 1

    pipeline_s = statistics.median(pipeline_times)
    alone_s = statistics.median(alone_times)
    print(f"paragraphs:            {PARAGRAPHS}")
    print(f"pages:                 {pages}")
    print(
        f"pipeline:              {pipeline_s:.3f} s (median of {RUNS}; best {min(pipeline_times):.3f} s)"
    )
    print(
        f"WeasyPrint alone:      {alone_s:.3f} s (median of {RUNS}; best {min(alone_times):.3f} s)"
    )
    print(
        f"ratio pipeline/alone:  {pipeline_s / alone_s:.3f} median, "
        f"{min(pipeline_times) / min(alone_times):.3f} best  (aim: <= 1.15)"
    )
    print(
        f"cached request:        {statistics.median(cached) * 1000:.1f} ms (median of {CACHED_RUNS})"
    )


if __name__ == "__main__":
    main()
