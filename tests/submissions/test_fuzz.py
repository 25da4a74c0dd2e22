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


@SETTINGS
@given(
    content=st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=2000).map(lambda b: b"%PDF-1.7\n" + b),
    ),
    text=st.text(max_size=200),
)
def test_any_file_by_multipart_is_a_201_or_a_400(call, head_a, content, text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(head_a).post(
        f"/api/v1/calls/{call.pk}/submissions/",
        {"text": text, "file": SimpleUploadedFile("x.pdf", content)},
        format="multipart",
    )
    assert response.status_code in (201, 400)
    _check(response)


def test_random_bodies_to_the_calls_forms_never_fail_the_server(meeting, call, head_a, secretariat):
    """The pages' forms too: opening a call, submitting to one, publishing it."""
    from django.test import Client
    from django.urls import reverse

    from tests.test_fuzz_inputs import post_random_forms

    staff, head = Client(), Client()
    staff.force_login(secretariat)
    head.force_login(head_a)
    post_random_forms(
        [
            (staff, reverse("call_new", args=[meeting.slug]), ["subject_ru", "subject_en", "deadline", "who"]),
            (head, reverse("call_detail", args=[call.pk]), ["text", "remove_file"]),
            (staff, reverse("call_publish", args=[call.pk]), []),
        ]
    )  # fmt: skip
