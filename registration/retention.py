"""Personal data is kept only as long as the meeting needs it.

REGISTRATION_RETENTION_DAYS (180 by default) after a meeting ends, its participants' names,
e-mail, phone, photo, badge and the delegations' letters are erased, in the registrations
and in their history alike. What stays is anonymous: the rows with meeting, delegation,
category and status, so that the counts (who came, from where, in which category) remain.
"""

from datetime import date, timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import NominationLetter, Registration

ERASED = "—"
ERASE_FIELDS = {
    "given_name": ERASED,
    "family_name": ERASED,
    "given_name_cyrillic": "",
    "family_name_cyrillic": "",
    "function": "",
    "email": "",
    "phone": "",
    "photo": "",
    "status_reason": "",
}


def meetings_past_retention(today: date | None = None, days: int | None = None) -> Q:
    today = today or timezone.localdate()
    days = settings.REGISTRATION_RETENTION_DAYS if days is None else days
    cutoff = today - timedelta(days=days)
    # A meeting without an end date ends on its start date; one with neither is never erased.
    return Q(meeting__end_date__lt=cutoff) | Q(
        meeting__end_date__isnull=True, meeting__start_date__lt=cutoff
    )


def personal_data_erase(*, today: date | None = None, days: int | None = None) -> int:
    """Erase what is past its time; the number of registrations erased now."""
    due = Q(personal_data_erased_at__isnull=True) & meetings_past_retention(today, days)
    registrations = list(Registration.objects.filter(due))
    letters = list(NominationLetter.objects.filter(meetings_past_retention(today, days)))
    files = [r.photo for r in registrations if r.photo] + [
        r.badge_pdf for r in registrations if r.badge_pdf
    ]
    files += [letter.file for letter in letters if letter.file]
    ids = [r.pk for r in registrations]
    with transaction.atomic():
        Registration.objects.filter(pk__in=ids).update(
            **ERASE_FIELDS, badge_pdf="", user=None, personal_data_erased_at=timezone.now()
        )
        # The history holds the same data, change by change.
        Registration.history.filter(id__in=ids).update(**ERASE_FIELDS)
        NominationLetter.objects.filter(pk__in=[letter.pk for letter in letters]).delete()
        names = [(file.storage, file.name) for file in files]
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])
    return len(ids)


@shared_task(name="registration.erase_personal_data", soft_time_limit=600, time_limit=660)
def erase_personal_data() -> int:
    return personal_data_erase()
