"""Benchmark of registration at scale (issue 25): `python bench/registration_bench.py`.

Registers 500 participants for one meeting, then times and counts the queries of what grows
with them: the public list (API and page), the desk's first page, its CSV and XLSX, the
meeting's sheet of badges and the list as PDF. Runs on a throw-away SQLite database with
eager tasks, like bench/pdf_bench.py.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="registration-bench-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "summit.settings",
        "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(WORK / "media"),
        "PRIVATE_MEDIA_ROOT": str(WORK / "private"),
        "REDIS_URL": "",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "READ_DOT_ENV": "0",
        "LOG_LEVEL": "WARNING",
        "API_CACHE_SECONDS": "0",
    }
)

import django  # noqa: E402

django.setup()

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from delegations.models import Delegation  # noqa: E402
from programme.models import Meeting, Summit  # noqa: E402
from registration.documents import (  # noqa: E402
    registration_document_render,
    registrations_csv,
    registrations_xlsx,
)
from registration.models import Registration, RegistrationDocument  # noqa: E402

PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "500"))


def measure(label: str, action) -> None:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        action()
        elapsed = time.perf_counter() - start
    print(f"{label:<44} {elapsed * 1000:9.0f} ms {len(queries):5d} queries")


def main() -> None:
    call_command("migrate", verbosity=0)
    summit = Summit.objects.create(acronym="B", name_en="Bench", host_city_en="Almaty")
    meeting = Meeting.objects.create(
        summit=summit, kind="summit", title_en="Bench", place_en="Almaty", slug="bench"
    )
    delegations = [
        Delegation.objects.create(
            kind="member_state", name_en=f"State {n:02d}", iso_code=f"Q{n % 10}", slug=f"s{n}"
        )
        for n in range(10)
    ]
    Registration.objects.bulk_create(
        Registration(
            meeting=meeting,
            delegation=delegations[n % 10],
            category="state",
            title="mr",
            given_name=f"Given{n}",
            family_name=f"Family{n}",
            function="Expert",
            email=f"p{n}@example.org",
            status="accredited",
            heads_delegation=n < 10,
            consent_public_list=n % 3 != 0,
        )
        for n in range(PARTICIPANTS)
    )
    staff = User.objects.create_user(email="sam@example.org", password="x", is_secretariat=True)
    TOTP.activate(staff, generate_totp_secret())
    anonymous, desk = Client(), Client()
    desk.force_login(staff)
    print(f"{PARTICIPANTS} accredited participants, {len(delegations)} delegations")
    measure("GET /api/v1/meetings/{id}/participants/", lambda: anonymous.get(
        reverse("api-meeting-participants", args=[meeting.pk])))  # fmt: skip
    measure("the same, warm", lambda: anonymous.get(
        reverse("api-meeting-participants", args=[meeting.pk])))  # fmt: skip
    measure("GET the public list page", lambda: anonymous.get(
        reverse("registration_participants", args=[meeting.slug])))  # fmt: skip
    measure("GET the desk (first 200)", lambda: desk.get(reverse("registration_desk")))
    rows = Registration.objects.select_related("delegation")
    measure("CSV of all", lambda: registrations_csv(rows))
    measure("XLSX of all", lambda: registrations_xlsx(rows))
    for kind in ("list", "badges"):
        document = RegistrationDocument.objects.create(meeting=meeting, kind=kind, language="en")
        measure(f"PDF: {kind}", lambda d=document: registration_document_render(document_id=d.pk))
        document.refresh_from_db()
        print(f"    {document.status}, {document.file.size // 1024} KiB")


if __name__ == "__main__":
    main()
