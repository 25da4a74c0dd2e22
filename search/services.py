"""Keeping the index: a unit is rebuilt whole from its objects, in the background, after the
write that changed them has committed (a save never waits for the index)."""

import logging

from celery import shared_task
from django.db import connection, transaction

from portal.tasks import after_commit

from .backends import backend
from .models import Entry
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


@shared_task(name="search.index_units", soft_time_limit=120, time_limit=180)
def index_units_task(units: list[str]) -> int:
    return index_units(units=units)


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
    once however many of its rows the transaction saved (the editor saves several)."""
    if not connection.in_atomic_block:
        after_commit(index_units_task.delay, list(units))
        return
    pending = getattr(connection, "_search_pending", None)
    # Django forgets the callbacks of a transaction rolled back: a set whose callback is no
    # longer waiting belonged to one, and must not swallow this transaction's units.
    waiting = (
        pending is not None
        and not pending.sent
        and any(callback == pending.send for _sids, callback, _robust in connection.run_on_commit)
    )
    if not waiting:
        pending = _Pending()
        connection._search_pending = pending
        transaction.on_commit(pending.send, robust=True)
    pending.units.update(units)


class _Pending:
    def __init__(self):
        self.units: set[str] = set()
        self.sent = False

    def send(self) -> None:
        self.sent = True
        # Committed: outside any transaction now, so after_commit sends at once.
        after_commit(index_units_task.delay, sorted(self.units))
