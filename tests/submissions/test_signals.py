"""The signals the apps above listen to (subscriptions): sent once the write has committed."""

from datetime import timedelta

from django.utils import timezone

from submissions.models import Call
from submissions.services import call_open
from submissions.signals import call_opened


def test_opening_a_call_signals_it_after_commit(
    meeting, secretariat, django_capture_on_commit_callbacks
):
    heard = []

    def receiver(sender, call, **kwargs):
        heard.append((sender, call.pk))

    call_opened.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as pending:
            call = call_open(
                meeting=meeting,
                by=secretariat,
                subject="Water",
                deadline=timezone.now() + timedelta(days=3),
                who="all",
            )
        assert heard == []  # not before the commit
        for callback in pending:
            callback()
    finally:
        call_opened.disconnect(receiver)
    assert heard == [(Call, call.pk)]
