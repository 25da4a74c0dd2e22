"""No input makes the portal answer 500, and no wrong input is quietly coerced.

Each test is one finding of the probe that walked every route (issue "Hardening"): the
request that used to fail, and the answer it gets now.
"""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from consultation.models import Comment
from pdfs.services import pdf_job_request

COMMENTS = "/api/v1/comments/"


@pytest.fixture
def paragraph(published_revision):
    return published_revision.paragraphs.get(position=3)


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()["error"]
    assert body["status"] == status
    return body


# --- 1. Format suffixes are not routed: a JSON 404, never a 500.


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/documents/{doc}/revisions/1.json",
        "/api/v1/documents/{doc}/compare.json?from=1&to=1",
        "/api/v1/documents/{doc}/revisions/1/compilation.csv",
        "/api/v1/pdf-jobs/{job}.json",
        "/api/v1/comments/{comment}/response.json",
        "/api/v1/documents.json",
    ],
)
def test_format_suffixes_are_unknown_endpoints(clients, published_revision, alice, paragraph, path):
    from consultation.services import comment_create

    comment = comment_create(
        author=alice, revision=published_revision, paragraph=paragraph, body="x"
    )
    job = pdf_job_request(revision=published_revision, language="ru", user=None, enqueue=False)
    url = path.format(doc=published_revision.document_id, job=job.pk, comment=comment.pk)
    for client in clients.values():
        assert _error(client.get(url), 404)["code"] == "not_found"
        assert client.post(url, {}, format="json").status_code == 404


def test_posting_to_an_unknown_api_path_is_a_json_404_even_without_csrf(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert _error(client.post("/api/v1/nothing-here/", {}), 404)["code"] == "not_found"
    assert _error(client.get("/api/v1/documents/1%0A/"), 404)["code"] == "not_found"


# --- 2. The comment page for someone who may not comment is a refusal, not a 500.


@pytest.mark.parametrize(
    "who,reason",
    [
        ("secretariat", "is a draft"),
        ("outsider", "Only delegations and the secretariat"),
        ("alice_closed", "is closed"),
    ],
)
def test_the_comment_page_refuses_politely(
    client, published_revision, secretariat, alice, who, reason, english
):
    from tests.factories import UserFactory

    revision = published_revision
    if who == "secretariat":
        revision = revision.document.revisions.get(number=2)  # the draft
        client.force_login(secretariat)
    elif who == "outsider":
        client.force_login(UserFactory())
    else:
        revision.document.comment_deadline = timezone.now() - timedelta(hours=1)
        revision.document.save()
        client.force_login(alice)
    url = reverse("comment_create", args=[revision.document.slug, revision.number])

    response = client.get(url)

    assert response.status_code == 403
    page = response.content.decode()
    assert 'role="alert"' in page and reason in page
    assert "<textarea" not in page


def test_a_huge_parent_id_on_the_comment_page_is_a_bad_request(client, published_revision, alice):
    client.force_login(alice)
    url = reverse("comment_create", args=[published_revision.document.slug, 1])
    assert client.get(url, {"parent": "9" * 30}).status_code == 400
    assert client.get(url, {"parent": "²"}).status_code == 400


# --- 3. Ids and numbers beyond the database's integers: 400 in filters, 404 in paths.


@pytest.mark.parametrize("field", ["document", "revision", "paragraph"])
@pytest.mark.parametrize("value", ["99999999999999999999999", "1e30", "-1", "1.5", "0x10"])
def test_integer_filters_refuse_what_is_not_an_id(as_alice, published_revision, field, value):
    body = _error(as_alice.get(COMMENTS, {field: value}), 400)
    assert field in body["fields"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/documents/99999999999999999999999/",
        "/api/v1/documents/1/revisions/99999999999999999999999/",
        "/api/v1/comments/99999999999999999999999/",
        "/api/v1/pdf-jobs/99999999999999999999999/",
        "/api/v1/summits/99999999999999999999999/",
        "/api/v1/delegations/99999999999999999999999/",
    ],
)
def test_huge_ids_in_api_paths_are_not_found(as_secretariat, published_revision, path):
    _error(as_secretariat.get(path), 404)


@pytest.mark.parametrize(
    "path",
    [
        "/ru/documents/comments/99999999999999999999999/",
        "/ru/pdf/jobs/99999999999999999999999/",
        "/ru/delegations/invitations/99999999999999999999999/resend/",
    ],
)
def test_huge_ids_in_page_paths_are_not_found(client, secretariat, path):
    client.force_login(secretariat)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "query", ["page=0", "page=-1", "page=abc", "page_size=true", "page_size=-1.9", "page_size=0"]
)
def test_paging_parameters_are_validated(db, anonymous, query):
    _error(anonymous.get(f"/api/v1/initiatives/?{query}"), 400)


def test_a_page_past_the_last_is_not_found_and_one_past_any_id_is_invalid(db, anonymous):
    _error(anonymous.get("/api/v1/initiatives/?page=999999"), 404)
    _error(anonymous.get("/api/v1/initiatives/?page=99999999999999999999"), 400)


def test_a_page_no_database_could_offset_to_is_not_found(db, anonymous):
    # The largest page number allowed, times the page size, is past any 64-bit offset.
    _error(anonymous.get("/api/v1/initiatives/?page=9223372036854775807&page_size=200"), 404)
    _error(anonymous.get("/api/v1/documents/?page=46116860184273879"), 404)


def test_an_unknown_language_is_refused(db, anonymous):
    assert "lang" in _error(anonymous.get("/api/v1/initiatives/?lang=AAA"), 400)["fields"]


# --- 4 and 7. Bodies: no number, nesting or type gets past the API's fields.


@pytest.mark.parametrize(
    "body",
    [
        '{"paragraph": 1e400, "body": "x"}',
        '{"paragraph": 1.5, "body": "x"}',
        '{"paragraph": "1", "body": "x"}',
        '{"paragraph": true, "body": "x"}',
        '{"paragraph": 99999999999999999999999, "body": "x"}',
        '{"paragraph": {PK}, "body": 123}',
        '{"paragraph": {PK}, "body": ["x"]}',
        '{"paragraph": {PK}, "body": "x", "proposed_text": 0}',
        '{"paragraph": {PK}, "body": "x\\u0000y"}',
        "[" * 100_000,
        '{"paragraph": {PK}, "body": "x", "kind": ["comment"]}',
    ],
)
def test_wrong_bodies_are_refused_and_nothing_is_written(as_alice, paragraph, body):
    response = as_alice.post(
        COMMENTS, body.replace("{PK}", str(paragraph.pk)), content_type="application/json"
    )
    _error(response, 400)
    assert not Comment.objects.exists()


def test_a_right_body_is_still_accepted(as_alice, paragraph):
    response = as_alice.post(
        COMMENTS, {"paragraph": paragraph.pk, "body": "Support."}, format="json"
    )
    assert response.status_code == 201
    assert Comment.objects.get().body == "Support."


def test_the_comment_version_must_be_a_json_integer(as_alice, alice, paragraph):
    from consultation.services import comment_create

    comment = comment_create(
        author=alice, revision=paragraph.revision, paragraph=paragraph, body="Support."
    )
    for version in ('"1"', "1.0", "true", "1e400"):
        response = as_alice.patch(
            f"{COMMENTS}{comment.pk}/",
            f'{{"body": "Changed", "version": {version}}}',
            content_type="application/json",
        )
        assert "version" in _error(response, 400)["fields"]
    comment.refresh_from_db()
    assert comment.body == "Support."


# --- 8. A body that is not UTF-8 is refused whole, never stored as mojibake.


def test_an_undecodable_form_body_is_refused(client, published_revision, alice, paragraph):
    client.force_login(alice)
    url = reverse("comment_create", args=[published_revision.document.slug, 1])
    body = "body=Поддерживаем".encode() + b"\xff" + f"&paragraph={paragraph.key}".encode()

    response = client.generic("POST", url, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_an_undecodable_api_body_is_a_json_400(as_alice, paragraph):
    body = f'{{"paragraph": {paragraph.pk}, "body": "Да'.encode() + b'\xc3"}'
    response = as_alice.generic("POST", COMMENTS, body, content_type="application/json")
    assert _error(response, 400)["code"] == "invalid_encoding"
    assert not Comment.objects.exists()


# --- 6. The secretariat's reach needs the second factor, in the API as on the web.


def test_a_secretariat_account_without_totp_has_no_secretariat_reach_in_the_api(
    secretariat_without_totp, alice, published_revision, paragraph
):
    from consultation.services import comment_create
    from tests.api.conftest import english_client

    note = comment_create(
        author=alice,
        revision=published_revision,
        paragraph=paragraph,
        body="For the secretariat only.",
        visibility=Comment.Visibility.SECRETARIAT,
    )
    client = english_client()
    client.credentials(
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=secretariat_without_totp).key}"
    )
    document = published_revision.document

    assert client.get(COMMENTS).json()["results"] == []
    assert client.get(f"{COMMENTS}{note.pk}/").status_code == 404
    response = client.post(f"{COMMENTS}{note.pk}/response/", {"status": "accepted"}, format="json")
    assert response.status_code == 404
    assert client.get(f"/api/v1/documents/{document.pk}/revisions/2/").status_code == 404
    compilation = f"/api/v1/documents/{document.pk}/revisions/1/compilation/"
    assert client.get(compilation).status_code == 403
    note.refresh_from_db()
    assert note.status == Comment.Status.OPEN


# --- 11. Redis down: the cache and throttling fail open, the comment is kept.


DEAD_REDIS = {
    "default": {
        "BACKEND": "portal.cache.FailOpenRedisCache",
        "LOCATION": "redis://127.0.0.1:6390/0",  # nobody listens here
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


@pytest.fixture
def redis_down(settings):
    import portal.cache

    settings.CACHES = DEAD_REDIS
    settings.API_CACHE_SECONDS = 10
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "5/minute", "user": "5/minute"},
    }
    portal.cache._down_until.clear()
    yield
    portal.cache._down_until.clear()


def test_with_redis_down_the_api_answers_and_keeps_the_comment(redis_down, alice, paragraph):
    from rest_framework.test import APIClient

    assert caches["default"].get("anything", "fallback") == "fallback"
    client = APIClient()
    client.force_authenticate(alice)
    response = client.post(COMMENTS, {"paragraph": paragraph.pk, "body": "Kept."}, format="json")
    assert response.status_code == 201
    assert Comment.objects.get().body == "Kept."
    assert APIClient().get("/api/v1/initiatives/").status_code == 200


def test_with_redis_down_login_still_works(redis_down, client, alice):
    response = client.post(
        reverse("account_login"), {"login": alice.email, "password": "pass-word-123"}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == alice.pk


# --- 13. A persistent connection the server closed is replaced, not used for a 500.


def _wsgi_get(path: str) -> int:
    """A request through the real WSGI handler, which (unlike the test client) runs Django's
    connection housekeeping at the start and end of each request, as production does."""
    from wsgiref.util import setup_testing_defaults

    from django.core.wsgi import get_wsgi_application

    environ = {"PATH_INFO": path, "HTTP_HOST": "testserver"}
    setup_testing_defaults(environ)
    statuses = []
    body = get_wsgi_application()(environ, lambda status, headers: statuses.append(status))
    b"".join(body)
    return int(statuses[0].split()[0])


@pytest.mark.skipif(
    not __import__("django.conf").conf.settings.IS_POSTGRES,
    reason="PostgreSQL closes the connection from the server side here",
)
@pytest.mark.django_db(transaction=True)
def test_a_connection_closed_by_the_server_is_replaced_before_the_next_request():
    from django.db import connection, connections

    settings_dict = connection.settings_dict
    saved = settings_dict["CONN_MAX_AGE"]
    settings_dict["CONN_MAX_AGE"] = 60  # as in production: connections outlive requests
    try:
        assert _wsgi_get("/api/v1/initiatives/") == 200
        pid = connection.connection.info.backend_pid
        # What a PostgreSQL restart does to every open connection.
        other = connections.create_connection("default")
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        other.close()
        assert _wsgi_get("/api/v1/initiatives/") == 200
        assert connection.connection.info.backend_pid != pid
    finally:
        settings_dict["CONN_MAX_AGE"] = saved
        connection.close()


# --- 9. Every free-text field has one limit: the form's, the service's and the database's.


def test_a_million_character_section_is_refused_by_the_form_the_service_and_the_database(
    client, secretariat
):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from initiatives.models import SECTION_MAX_LENGTH, Section
    from initiatives.services import section_update
    from tests.factories import InitiativeFactory

    section = InitiativeFactory().sections.create(kind="objectives", body_en="Aims", body_ru="Цели")
    huge = "ж" * 1_000_000
    client.force_login(secretariat)

    response = client.post(
        reverse("section_edit", args=[section.initiative.slug, section.kind]),
        {"body_ru": huge, "body_en": "Aims", "version": section.version},
    )
    assert response.status_code == 400 and 'class="errorlist"' in response.content.decode()
    with pytest.raises(ValidationError):
        section_update(
            section=section, user=secretariat, body_ru=huge, body_en="", version=section.version
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.filter(pk=section.pk).update(body_ru="ж" * (SECTION_MAX_LENGTH + 1))
    section.refresh_from_db()
    assert section.body_ru == "Цели"


def test_the_api_takes_a_comment_up_to_the_limit_the_database_keeps(as_alice, paragraph):
    from consultation.models import COMMENT_MAX_LENGTH

    too_long = {"paragraph": paragraph.pk, "body": "x" * (COMMENT_MAX_LENGTH + 1)}
    assert "body" in _error(as_alice.post(COMMENTS, too_long, format="json"), 400)["fields"]
    at_limit = {"paragraph": paragraph.pk, "body": "x" * COMMENT_MAX_LENGTH}
    assert as_alice.post(COMMENTS, at_limit, format="json").status_code == 201
