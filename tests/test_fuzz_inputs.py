"""Random bodies to every form and endpoint that takes input: an answer below 500, always,
and a refused request writes nothing.

Hypothesis draws the bodies (deep nesting, huge and odd numbers, wrong types, invalid UTF-8,
NUL bytes, long text). The budget is small by default so the suite stays short; `make fuzz`
sets FUZZ_EXAMPLES high for a long run.
"""

import json
import os

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultation.models import Comment
from consultation.services import comment_create
from drafts.models import Paragraph
from initiatives.models import Section
from tests.factories import InitiativeFactory

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20).map(lambda t: t + "\x00"),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


# What a comment's form and the API's comment body take.
COMMENT_FIELDS = [
    "paragraph",
    "parent",
    "kind",
    "body",
    "proposed_text",
    "visibility",
    "line_first",
    "line_last",
    "cited_language",
]


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def raw_bodies(field_names: list[str]):
    """JSON with the expected keys and random values, or bytes that are not JSON or UTF-8."""
    as_json = st.fixed_dictionaries({}, optional={name: json_values for name in field_names}).map(
        lambda data: json.dumps(data, allow_nan=False).encode()
    )
    return st.one_of(
        as_json,
        st.integers(min_value=1, max_value=200_000).map(nested),
        st.binary(max_size=200),
        st.sampled_from([b'{"paragraph": 1e400}', b'{"body": "\\ud800"}', b"\xff\xfe{}"]),
    )


def form_bodies(field_names: list[str]):
    """Urlencoded forms: the expected fields with random text (NULs, long, non-ASCII), and
    bytes that are not UTF-8."""
    text = st.one_of(st.text(max_size=200), st.text(min_size=5000, max_size=6000), st.just("\x00"))
    fields = st.fixed_dictionaries({}, optional={name: text for name in field_names})
    from urllib.parse import urlencode

    return st.one_of(
        fields.map(lambda data: urlencode(data).encode()),
        st.binary(max_size=200),
    )


def post_random_forms(forms: list[tuple[Client, str, list[str]]]) -> None:
    """POST random urlencoded bodies to (client, url, field names) triples: never a 5xx."""

    @FUZZ
    @given(data=st.data())
    def send(data):
        client, url, names = data.draw(st.sampled_from(forms))
        body = data.draw(form_bodies(names))
        response = client.generic(
            "POST", url, body, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code < 500, (url, body[:200], response.status_code)

    send()


def _count_rows():
    return (Comment.objects.count(), Paragraph.objects.count(), Section.objects.count())


def test_random_bodies_to_the_comment_api_never_fail_the_server(
    db, published_revision, alice, secretariat
):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(alice)
    paragraph = published_revision.paragraphs.get(position=3)
    comment = Comment.objects.create(
        revision=published_revision,
        paragraph=paragraph,
        author=alice,
        delegation=alice.membership.delegation,
        body="Support.",
    )
    fields = [*COMMENT_FIELDS, "document"]
    endpoints = [
        ("post", "/api/v1/comments/", fields),
        ("patch", f"/api/v1/comments/{comment.pk}/", ["body", "proposed_text", "version"]),
        ("post", f"/api/v1/documents/{published_revision.document_id}/revisions/1/pdf/", ["lang"]),
        ("put", f"/api/v1/documents/{published_revision.document_id}/statement/", ["kind", "paragraphs", "text", "version"]),
    ]  # fmt: skip

    @FUZZ
    @given(data=st.data())
    def send(data):
        method, url, names = data.draw(st.sampled_from(endpoints))
        body = data.draw(raw_bodies(names))
        before = _count_rows()
        response = getattr(client, method)(url, body, content_type="application/json")
        assert response.status_code < 500, (url, body[:200], response.content[:300])
        if response.status_code >= 400:
            assert response.json()["error"]["status"] == response.status_code
            assert _count_rows() == before

    send()


@pytest.fixture
def section(db):
    return InitiativeFactory().sections.create(kind="objectives", body_en="Aims", body_ru="Цели")


def test_random_bodies_to_the_portals_forms_never_fail_the_server(
    db, published_revision, alice, secretariat, section
):
    delegate, staff = Client(), Client()
    delegate.force_login(alice)
    staff.force_login(secretariat)
    draft = published_revision.document.revisions.get(number=2)
    document = published_revision.document
    forms = [
        (
            delegate,
            reverse("comment_create", args=[document.slug, 1]),
            COMMENT_FIELDS,
        ),
        (delegate, reverse("profile"), ["first_name", "last_name", "language"]),
        (
            staff,
            reverse("paragraph_add", args=[document.slug]),
            ["kind", "text_ru", "text_en", "negotiation", "after"],
        ),
        (
            staff,
            reverse("paragraph_edit", args=[document.slug, draft.paragraphs.first().key]),
            ["kind", "text_ru", "text_en", "negotiation", "version"],
        ),
        (
            staff,
            reverse("section_edit", args=[section.initiative.slug, section.kind]),
            ["body_ru", "body_en", "version", "summary"],
        ),
    ]

    post_random_forms(forms)


def test_random_bodies_to_the_secretariats_other_forms_never_fail_the_server(
    db, published_revision, secretariat, head_a, alice, section, delegation_a
):
    """Every other form that takes input: invitations, funding, the results framework, the
    document's settings, publishing, answering and hiding comments, positions, AKN import."""
    staff, head = Client(), Client()
    staff.force_login(secretariat)
    head.force_login(head_a)
    document = published_revision.document
    initiative = section.initiative
    comment = comment_create(
        author=alice,
        revision=published_revision,
        paragraph=published_revision.paragraphs.get(position=3),
        body="Support.",
    )
    key = published_revision.paragraphs.get(position=3).key
    forms = [
        (staff, reverse("invitation_create"), ["email", "delegation", "role", "name", "language"]),
        (staff, reverse("funding_add", args=[initiative.slug]), ["source", "amount", "currency", "status", "note_ru", "note_en"]),
        (staff, reverse("results_add", args=[initiative.slug, "outcome"]), ["title_ru", "title_en", "position"]),
        (staff, reverse("document_settings", args=[document.slug]), ["status", "comment_deadline", "deadline_date", "deadline_time"]),
        (staff, reverse("revision_publish", args=[document.slug]), ["summary_ru", "summary_en"]),
        (staff, reverse("comment_answer", args=[comment.pk]), ["status", "response", "next"]),
        (staff, reverse("comment_hide", args=[comment.pk]), ["reason", "next"]),
        (staff, reverse("draft_import", args=[document.slug]), ["ru", "en", "replace_edits"]),
        (head, reverse("position_record", args=[document.slug, 1, key]), ["stance", "reason"]),
        (head, reverse("invitation_create"), ["email", "role", "name", "language"]),
        (staff, reverse("document_adopt", args=[document.slug]), ["meeting", "adopted_on", "method", "votes_for", "votes_against", "abstentions", "final_symbol", "title_ru", "title_en", "statement_deadline"]),
        (head, reverse("statement_edit", args=[document.slug]), ["kind", "paragraphs", "text", "version"]),
        (head, reverse("sponsorship_set", args=[document.slug]), ["sponsor"]),
        (staff, reverse("comment_bulk_status"), ["comments", "status", "next"]),
    ]  # fmt: skip

    post_random_forms(forms)
