"""The pages: what each person sees on a call's page, and the receipt."""

from datetime import timedelta

from django.utils import timezone

from submissions.models import Call
from submissions.services import submission_submit

from .conftest import call_on


def test_anyone_reads_the_call_with_its_deadline_in_almaty_time(client, call):
    page = client.get(f"/en/calls/{call.pk}/").content.decode()
    assert "Priorities for water" in page
    assert "(Almaty, UTC+5)" in page
    assert "left" in page
    assert "Heads of delegation: log in to submit." in page
    assert 'name="text"' not in page
    assert "Submissions received" not in page


def test_the_head_sees_the_form_and_after_submitting_the_receipt(client, call, head_a):
    client.force_login(head_a)
    assert 'name="text"' in client.get(f"/en/calls/{call.pk}/").content.decode()
    response = client.post(f"/en/calls/{call.pk}/", {"text": "Our view."})
    submission = call.submissions.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/calls/submissions/{submission.pk}/"
    receipt = client.get(response["Location"]).content.decode()
    assert submission.number in receipt
    assert "Our view." in receipt
    # The call's page now offers the replacement, with the text received.
    page = client.get(f"/en/calls/{call.pk}/").content.decode()
    assert "Replace your submission" in page
    assert "Our view." in page


def test_a_head_of_another_kind_is_told_the_call_is_not_for_them(client, meeting, head_a):
    call = call_on(meeting, who=Call.Who.ORGANISATIONS)
    client.force_login(head_a)
    page = client.get(f"/en/calls/{call.pk}/").content.decode()
    assert "This call is not open to your delegation." in page
    assert client.post(f"/en/calls/{call.pk}/", {"text": "Ours."}).status_code == 403


def test_a_delegate_sees_the_receipt_of_the_delegation_but_cannot_submit(
    client, call, head_a, alice, bob
):
    submission = submission_submit(call=call, user=head_a, text="Ours.")
    client.force_login(alice)
    assert client.get(f"/en/calls/submissions/{submission.pk}/").status_code == 200
    assert client.post(f"/en/calls/{call.pk}/", {"text": "Mine."}).status_code == 403
    client.force_login(bob)
    assert client.get(f"/en/calls/submissions/{submission.pk}/").status_code == 403


def test_the_secretariat_sees_the_list_and_publishes_only_after_the_deadline(
    client, call, head_a, head_b, secretariat, django_assert_max_num_queries
):
    submission_submit(call=call, user=head_b, text="Uzbekistan's view.")
    submission_submit(call=call, user=head_a, text="Kazakhstan's view.")
    client.force_login(secretariat)
    page = client.get(f"/en/calls/{call.pk}/").content.decode()
    assert "Submissions received (2)" in page
    assert page.index("Kazakhstan") < page.index("Uzbekistan")
    assert "/publish/" not in page
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with django_assert_max_num_queries(20):
        page = client.get(f"/en/calls/{call.pk}/").content.decode()
    assert f"/en/calls/{call.pk}/publish/" in page


def test_the_secretariat_opens_a_call_from_the_form_in_almaty_time(client, meeting, secretariat):
    client.force_login(secretariat)
    deadline = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT18:00")
    response = client.post(
        f"/en/calls/open/{meeting.slug}/",
        {"subject_ru": "Вода", "subject_en": "Water", "deadline": deadline, "who": "all"},
    )
    call = Call.objects.get()
    assert response["Location"] == f"/en/calls/{call.pk}/"
    assert timezone.localtime(call.deadline).strftime("%Y-%m-%dT%H:%M") == deadline
    assert (call.subject_ru, call.subject_en) == ("Вода", "Water")


def test_a_deadline_in_the_past_is_refused_by_the_form(client, meeting, secretariat):
    client.force_login(secretariat)
    response = client.post(
        f"/en/calls/open/{meeting.slug}/",
        {"subject_en": "Water", "deadline": "2020-01-01T18:00", "who": "all"},
    )
    assert response.status_code == 400
    assert "The deadline must be in the future." in response.content.decode()
    assert not Call.objects.exists()
