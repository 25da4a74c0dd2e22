"""Heads of several delegations submitting at the same moment get distinct, consecutive
receipt numbers: the call's row is locked (SELECT … FOR UPDATE on PostgreSQL) while the next
number is counted. A second submission of the same delegation at the same moment replaces,
never duplicates (the unique constraint on call and delegation)."""

import threading

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections

from submissions.services import submission_submit
from tests.factories import MembershipFactory

THREADS = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_take_distinct_consecutive_numbers(call):
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.skip("needs a database that several connections share (PostgreSQL)")
    heads = [MembershipFactory(role="head").user for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    outcomes: list[object] = []

    def submit(head) -> None:
        try:
            barrier.wait(timeout=10)
            outcomes.append(submission_submit(call=call, user=head, text="At once.").number)
        except OperationalError as error:  # SQLite: another writer is in the way
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(head,)) for head in heads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    numbers = sorted(o for o in outcomes if isinstance(o, str))
    expected = [f"RES-2026-SUB-{call.pk}-{n:04d}" for n in range(1, len(numbers) + 1)]
    assert numbers == expected
    if settings.IS_POSTGRES:
        assert len(numbers) == THREADS, outcomes
