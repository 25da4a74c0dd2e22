"""Keeping the index: a unit is rebuilt whole from its objects, in the background, after the
write that changed them has committed (a save never waits for the index)."""

import logging

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from portal.tasks import after_commit

from .backends import backend
from .models import Entry, Stale
from .sources import all_units, unit_entries

log = logging.getLogger(__name__)


@transaction.atomic
def index_units(*, units: list[str]) -> int:
    """Replace the entries of each unit by what its objects say now; the number written.
    Idempotent: run twice, it writes the same."""
    index = backend()
    written = 0
    for unit in dict.fromkeys(units):
        entries = unit_entries(unit)
        old = list(Entry.objects.filter(unit=unit).values_list("pk", flat=True))
        if old:
            index.remove(old)
            Entry.objects.filter(pk__in=old).delete()
        if entries:
            index.add(Entry.objects.bulk_create(entries))
        written += len(entries)
    return written


@transaction.atomic
def search_reindex(*, batch: int = 200) -> int:
    """The whole index anew from every source (`manage.py search_reindex`); the number of
    entries. In one transaction: searches meanwhile see the old index, then the new."""
    Entry.objects.all().delete()
    backend().clear()
    units = all_units()
    written = 0
    for start in range(0, len(units), batch):
        written += index_units(units=units[start : start + batch])
    return written


def index_on_commit(*units: str) -> None:
    """Rebuild `units` once the transaction commits, in the background (Celery), each unit
    once however many of its rows the transaction saved (the editor saves several).

    The units are marked stale in a table, inside the writer's transaction: a rollback takes
    the marks with it, a second save of the same unit only moves its mark, and the task sent
    after the commit rebuilds whatever is marked (the later copies of the task find nothing)."""
    Stale.objects.bulk_create(
        [Stale(unit=unit, marked_at=timezone.now()) for unit in dict.fromkeys(units)],
        update_conflicts=True,
        unique_fields=["unit"],
        update_fields=["marked_at"],
    )
    after_commit(index_stale_task.delay)


def index_stale() -> int:
    """Rebuild every unit marked stale; the number of entries written. A mark moved while
    its unit was being rebuilt (a later write) stays for the next run."""
    marks = dict(Stale.objects.values_list("unit", "marked_at"))
    if not marks:
        return 0
    written = index_units(units=sorted(marks))
    for unit, marked_at in marks.items():
        Stale.objects.filter(unit=unit, marked_at=marked_at).delete()
    return written


@shared_task(name="search.index_stale", soft_time_limit=300, time_limit=360)
def index_stale_task() -> int:
    return index_stale()
