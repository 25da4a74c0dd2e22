"""Numbering under concurrency: issues at the same moment never share a number.

The numbering locks the meeting's register row (SELECT … FOR UPDATE) on PostgreSQL, so every
concurrent issue succeeds with the next number. SQLite has no row locks: it lets one writer
in at a time and refuses another that is in the way ("database is locked"); whatever gets
through is still numbered without gaps or duplicates, which the unique constraints guard."""

import threading

import pytest
from django.conf import settings
from django.db import OperationalError, connections

from register.models import Document
from register.services import document_issue, register_of

from .conftest import upload

THREADS = 6


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_take_distinct_consecutive_numbers(almaty, secretariat):
    register_of(almaty)  # the row every issue locks
    barrier = threading.Barrier(THREADS)
    outcomes: list[object] = []

    def issue_one(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            document = document_issue(
                meeting=almaty,
                series="INF",
                title_ru=f"Записка {n}",
                title_en=f"Note {n}",
                files={"ru": upload()},
                by=secretariat,
            )
            outcomes.append(document.symbol)
        except OperationalError as error:  # SQLite: another writer is in the way
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue_one, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    symbols = sorted(o for o in outcomes if isinstance(o, str))
    numbers = sorted(Document.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))  # no duplicate, no gap
    assert len(set(symbols)) == len(symbols) == len(numbers)
    if settings.IS_POSTGRES:
        assert len(symbols) == THREADS, outcomes
