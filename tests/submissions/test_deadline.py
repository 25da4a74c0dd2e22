"""The deadline is the summit's: entered and shown in Asia/Almaty, strict at the minute."""

from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from submissions.forms import CallForm
from submissions.services import DeadlinePassed, deadline_display, submission_submit

from .conftest import ALMATY, DEADLINE, call_on


def _at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_a_submission_one_second_before_the_deadline_in_almaty_is_received(meeting, head_a):
    call = call_on(meeting, deadline=DEADLINE)
    with _at(datetime(2026, 3, 10, 17, 59, 59, tzinfo=ALMATY)):
        submission = submission_submit(call=call, user=head_a, text="In time.")
    assert submission.number


def test_at_the_deadline_itself_the_submission_is_refused_with_the_deadline_named(meeting, head_a):
    call = call_on(meeting, deadline=DEADLINE)
    with translation.override("en"), _at(DEADLINE), pytest.raises(DeadlinePassed) as refused:
        submission_submit(call=call, user=head_a, text="Too late.")
    assert refused.value.messages == [
        "The deadline was 10 March 2026, 18:00 (Almaty, UTC+5): submissions are no longer accepted."
    ]
    assert not call.submissions.exists()


def test_the_deadline_is_named_in_russian_too():
    with translation.override("ru"):
        assert deadline_display(DEADLINE) == "10 марта 2026, 18:00 (Алматы, UTC+5)"


def test_13_00_utc_is_the_same_deadline(meeting, head_a):
    from datetime import UTC

    call = call_on(meeting, deadline=datetime(2026, 3, 10, 13, 0, tzinfo=UTC))
    with _at(DEADLINE - timedelta(seconds=1)):
        submission_submit(call=call, user=head_a, text="In time.")
    with _at(DEADLINE), pytest.raises(ValidationError):
        submission_submit(call=call, user=head_a, text="Replaced too late.")


def test_the_form_reads_the_deadline_in_almaty_time():
    form = CallForm(data={"subject_en": "Water", "deadline": "2026-03-10T18:00", "who": "all"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["deadline"] == DEADLINE
    assert form.cleaned_data["deadline"].utcoffset() == timedelta(hours=5)
