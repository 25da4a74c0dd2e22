"""GET|POST /api/v1/subscriptions/ and DELETE /api/v1/subscriptions/{id}/: one's own only."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from subscriptions.models import Subscription
from tests.factories import OutcomeDocumentFactory, RevisionFactory

URL = "/api/v1/subscriptions/"


@pytest.fixture
def api():
    def client(user=None):
        c = APIClient()
        if user is not None:
            c.force_authenticate(user)
        return c

    return client


def test_a_delegate_follows_a_document_daily_lists_it_and_stops(api, alice, published_revision):
    document = published_revision.document
    client = api(alice)

    created = client.post(
        URL, {"target_type": "document", "target": document.pk, "frequency": "daily"}, format="json"
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["target_type"], body["target"], body["frequency"]) == (
        "document",
        document.pk,
        "daily",
    )
    assert document.symbol in body["label"]

    again = client.post(
        URL,
        {"target_type": "document", "target": document.pk, "frequency": "immediate"},
        format="json",
    )
    assert again.status_code == 200 and again.json()["frequency"] == "immediate"
    assert Subscription.objects.filter(user=alice).count() == 1

    listed = client.get(URL).json()["results"]
    assert [row["id"] for row in listed] == [body["id"]]

    assert client.delete(f"{URL}{body['id']}/").status_code == 204
    assert not Subscription.objects.filter(user=alice).exists()


def test_a_meeting_can_be_followed(api, alice, meeting):
    answer = api(alice).post(URL, {"target_type": "meeting", "target": meeting.pk}, format="json")
    assert answer.status_code == 201
    assert answer.json()["frequency"] == "immediate"


def test_unknown_and_unreadable_targets_are_400_naming_target(
    api, alice, secretariat, draft_revision
):
    unpublished = draft_revision.document
    for user in (alice,):
        for target in (unpublished.pk, 999_999):
            answer = api(user).post(
                URL, {"target_type": "document", "target": target}, format="json"
            )
            assert answer.status_code == 400
            error = answer.json()["error"]
            assert error["code"] == "invalid" and "target" in error["fields"]
    # The secretariat reads the unpublished draft, so may follow it.
    answer = api(secretariat).post(
        URL, {"target_type": "document", "target": unpublished.pk}, format="json"
    )
    assert answer.status_code == 201


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"target_type": "initiative", "target": 1},
        {"target_type": "document", "target": "1"},
        {"target_type": "document", "target": True},
        {"target_type": "document", "target": 1.5},
        {"target_type": "document", "target": 0},
        {"target_type": "document", "target": 2**70},
        {"target_type": "document", "target": 1, "frequency": "weekly"},
        {"target_type": ["document"], "target": 1},
    ],
)
def test_bad_input_is_a_json_400(api, alice, body):
    answer = api(alice).post(URL, body, format="json")
    assert answer.status_code == 400
    assert answer.json()["error"]["status"] == 400


def test_someone_elses_subscription_cannot_be_seen_or_deleted(api, alice, bob, published_revision):
    theirs = Subscription.objects.create(
        user=bob, target_type="document", document=published_revision.document
    )
    assert api(alice).get(URL).json()["results"] == []
    answer = api(alice).delete(f"{URL}{theirs.pk}/")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
    assert Subscription.objects.filter(pk=theirs.pk).exists()


def test_anonymous_gets_401(api, published_revision):
    assert api().get(URL).status_code == 401
    answer = api().post(URL, {"target_type": "meeting", "target": 1}, format="json")
    assert answer.status_code == 401
    assert api().delete(f"{URL}1/").status_code == 401


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    body=st.dictionaries(
        st.sampled_from(["target_type", "target", "frequency", "other"]),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(max_size=20),
            st.sampled_from(["meeting", "document", "call", "daily", "immediate"]),
            st.lists(st.integers(), max_size=2),
        ),
    )
)
def test_no_input_gives_a_server_error(api, alice, published_revision, body):
    answer = api(alice).post(URL, body, format="json")
    assert answer.status_code in (200, 201, 400)
    if answer.status_code == 400:
        assert set(answer.json()["error"]) >= {"status", "code", "message"}


def test_the_list_costs_a_bounded_number_of_queries(
    api, alice, published_revision, meeting, django_assert_max_num_queries
):
    for _n in range(5):
        document = OutcomeDocumentFactory()
        RevisionFactory(
            document=document, state="published", published_at=published_revision.published_at
        )
        Subscription.objects.create(user=alice, target_type="document", document=document)
    Subscription.objects.create(user=alice, target_type="meeting", meeting=meeting)
    client = api(alice)
    with django_assert_max_num_queries(6):
        assert len(client.get(URL).json()["results"]) == 6


def test_a_call_can_be_followed(api, alice, meeting, secretariat):
    from datetime import timedelta

    from django.utils import timezone

    from submissions.models import Call

    call = Call.objects.create(
        meeting=meeting,
        subject_en="Inputs",
        deadline=timezone.now() + timedelta(days=2),
        who="all",
        opened_by=secretariat,
    )
    answer = api(alice).post(
        URL, {"target_type": "call", "target": call.pk, "frequency": "daily"}, format="json"
    )
    assert answer.status_code == 201
    assert answer.json()["url"] == call.get_absolute_url()


def test_a_document_of_the_register_can_be_followed(api, alice, register_document):
    document = register_document
    client = api(alice)
    answer = client.post(
        URL, {"target_type": "register_document", "target": document.pk}, format="json"
    )
    assert answer.status_code == 201
    assert answer.json()["url"] == document.get_absolute_url()
    assert answer.json()["label"].startswith(f"{document.symbol} — ")
    unknown = client.post(
        URL, {"target_type": "register_document", "target": document.pk + 99}, format="json"
    )
    assert unknown.status_code == 400 and "target" in unknown.json()["error"]["fields"]
