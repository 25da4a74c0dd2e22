"""Whatever a client sends to the two POST endpoints, the answer is a 201 or an error in the
one JSON format, never a 500."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import client_for

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "subject": JSON,
        "deadline": JSON | st.datetimes().map(lambda d: d.isoformat()),
        "who": JSON | st.sampled_from(["states", "organisations", "all"]),
        "text": JSON,
        "file": JSON,
        "remove_file": JSON,
        "language": JSON | st.sampled_from(["ru", "en"]),
    },
)

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check(response):
    assert response.status_code < 500
    if response.status_code >= 400:
        assert set(response.json()["error"]) >= {"status", "code", "message"}


@SETTINGS
@given(body=FIELDS | JSON)
def test_opening_a_call_never_fails_with_a_500(meeting, secretariat, body):
    _check(
        client_for(secretariat).post(f"/api/v1/meetings/{meeting.pk}/calls/", body, format="json")
    )


@SETTINGS
@given(body=FIELDS | JSON)
def test_submitting_never_fails_with_a_500(call, head_a, body):
    _check(client_for(head_a).post(f"/api/v1/calls/{call.pk}/submissions/", body, format="json"))
