"""The demo's call for written inputs: one open call on the Almaty preparatory meeting, marked
as an example. Its subject takes up the next steps the meeting agreed (the seed's article:
coordination mechanisms and the financial architecture); the call itself is invented for the
demo, and says so. A second run changes nothing."""

import datetime as dt

from django.utils import timezone

from accounts.models import User
from programme.models import Meeting
from submissions.models import Call

from .data import DEMO_EN, DEMO_RU

SUBJECT_RU = (
    "Пример призыва: предложения по механизмам координации и финансовой архитектуре "
    "региональных инициатив"
)
SUBJECT_EN = (
    "Example call: proposals on the coordination mechanisms and the financial architecture "
    "of the regional initiatives"
)


def load_submissions(secretariat: User) -> Call:
    almaty = Meeting.objects.get(slug="almaty-preparatory-2026")
    existing = Call.objects.filter(meeting=almaty, subject_en=DEMO_EN + SUBJECT_EN).first()
    if existing is not None:
        return existing
    # Open for a month from the day the demo is loaded, closing at 18:00 Almaty time.
    deadline = timezone.localtime() + dt.timedelta(days=30)
    deadline = deadline.replace(hour=18, minute=0, second=0, microsecond=0)
    return Call.objects.create(
        meeting=almaty,
        subject_ru=DEMO_RU + SUBJECT_RU,
        subject_en=DEMO_EN + SUBJECT_EN,
        deadline=deadline,
        who=Call.Who.ALL,
        opened_by=secretariat,
    )
