"""Asking for a revision's PDF through the API, and following its job, for each role."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from pdfs.models import PdfJob
from pdfs.services import pdf_job_render, pdf_job_request
from tests.factories import ParagraphFactory, RevisionFactory

from .conftest import client_for

ROLES = ["anonymous", "alice", "bob", "secretariat"]


def pdf_url(revision):
    return f"/api/v1/documents/{revision.document_id}/revisions/{revision.number}/pdf/"


def job_url(job_id, key=None):
    return f"/api/v1/pdf-jobs/{job_id}/" + (f"?key={key}" if key is not None else "")


def ask(client, revision, lang="ru"):
    return client.post(pdf_url(revision), {"lang": lang}, format="json")


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@pytest.mark.parametrize("role", ROLES)
def test_whoever_may_read_a_published_revision_asks_for_its_pdf_and_follows_the_job(
    clients, role, published_revision
):
    response = ask(clients[role], published_revision)

    assert response.status_code == 202
    body = response.json()
    job = PdfJob.objects.get()
    assert body["id"] == job.pk
    assert body["status"] == "pending"
    assert body["language"] == "ru"
    assert body["error"] == ""
    assert body["file_url"] is None
    assert body["status_url"].startswith(f"http://testserver/api/v1/pdf-jobs/{job.pk}/?key=")
    followed = clients[role].get(path_of(body["status_url"]))
    assert followed.status_code == 200
    assert followed.json()["id"] == job.pk
    assert "no-cache" in followed["Cache-Control"]


def test_when_the_file_exists_the_answer_is_200_with_its_url(anonymous, published_revision):
    job = pdf_job_request(revision=published_revision, language="en", user=None, enqueue=False)
    pdf_job_render(job_id=job.pk)

    response = ask(anonymous, published_revision, "en")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["pages"] == 1
    assert body["file_url"].startswith("http://")
    download = Client().get(path_of(body["file_url"]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert PdfJob.objects.count() == 1


@pytest.mark.parametrize(("role", "status"), [(r, 404) for r in ROLES[:3]] + [("secretariat", 202)])
def test_the_draft_pdf_is_the_secretariats_and_does_not_exist_for_anyone_else(
    clients, role, status, published_revision
):
    draft = published_revision.document.revisions.get(number=2)

    response = ask(clients[role], draft)

    assert response.status_code == status
    if status == 404:
        assert response.json()["error"]["code"] == "not_found"
        assert not PdfJob.objects.exists()
    # A bad language does not reveal the draft either: the 404 comes first.
    assert ask(clients[role], draft, "de").status_code == (404 if status == 404 else 400)


@pytest.mark.parametrize("body", [{"lang": "de"}, {}, {"lang": ["ru"]}])
def test_a_bad_or_missing_language_is_a_400_in_the_api_error_format(
    anonymous, published_revision, body
):
    response = anonymous.post(pdf_url(published_revision), body, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "lang" in error["fields"]
    assert not PdfJob.objects.exists()


def test_unknown_documents_revisions_and_jobs_are_404_json(anonymous, published_revision):
    unknown_revision = f"/api/v1/documents/{published_revision.document_id}/revisions/9/pdf/"
    unknown_document = "/api/v1/documents/999999/revisions/1/pdf/"

    for url in (unknown_revision, unknown_document):
        response = anonymous.post(url, {"lang": "ru"}, format="json")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert anonymous.get(job_url(999999)).json()["error"]["code"] == "not_found"
    assert anonymous.get(pdf_url(published_revision)).status_code == 405


@pytest.fixture
def alices_job(published_revision, alice):
    return pdf_job_request(revision=published_revision, language="ru", user=alice, enqueue=False)


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 404), ("alice", 200), ("bob", 404), ("secretariat", 200)]
)
def test_a_job_is_followed_by_its_requester_and_the_secretariat_only(
    clients, role, status, alices_job
):
    response = clients[role].get(job_url(alices_job.pk))

    assert response.status_code == status
    if status == 200:
        assert response.json()["status"] == "pending"
    else:
        assert response.json()["error"]["code"] == "not_found"


def test_asking_for_the_same_pdf_makes_bob_a_requester_of_the_same_job(
    as_bob, bob, alices_job, published_revision
):
    body = ask(as_bob, published_revision).json()

    assert body["id"] == alices_job.pk
    assert as_bob.get(path_of(body["status_url"])).status_code == 200
    # The job remembers Alice as the first requester; Bob's key is what makes him one.
    assert as_bob.get(job_url(alices_job.pk)).status_code == 404


def test_a_requester_key_works_only_for_the_person_it_was_given_to(
    anonymous, as_alice, as_bob, published_revision
):
    anonymous_url = path_of(ask(anonymous, published_revision).json()["status_url"])
    alice_url = path_of(ask(as_alice, published_revision).json()["status_url"])
    job_id = PdfJob.objects.get().pk

    assert anonymous.get(anonymous_url).status_code == 200
    assert as_bob.get(alice_url).status_code == 404
    assert as_bob.get(anonymous_url).status_code == 404
    assert anonymous.get(alice_url).status_code == 404
    assert anonymous.get(job_url(job_id, "forged")).status_code == 404
    assert anonymous.get(job_url(job_id, "")).status_code == 404


def test_whoever_leaves_the_secretariat_loses_the_draft_jobs_they_asked_for(
    secretariat, published_revision
):
    draft = published_revision.document.revisions.get(number=2)
    client = client_for(secretariat)
    status_url = path_of(ask(client, draft).json()["status_url"])
    assert client.get(status_url).status_code == 200

    secretariat.is_secretariat = False
    secretariat.save(update_fields=["is_secretariat"])

    assert client_for(secretariat).get(status_url).status_code == 404


def test_a_failed_job_shows_its_error_and_asking_again_retries_it(as_alice, alices_job):
    PdfJob.objects.filter(pk=alices_job.pk).update(status="failed", error="WeasyPrint crashed")

    failed = as_alice.get(job_url(alices_job.pk)).json()

    assert failed["status"] == "failed"
    assert failed["error"] == "WeasyPrint crashed"
    assert failed["file_url"] is None
    retried = ask(as_alice, alices_job.revision).json()
    assert retried["id"] == alices_job.pk
    assert retried["status"] == "pending"
    assert retried["error"] == ""


def test_the_job_is_shown_in_the_clients_language(anonymous, alices_job, as_secretariat):
    english = as_secretariat.get(job_url(alices_job.pk)).json()
    russian = as_secretariat.get(job_url(alices_job.pk) + "?lang=ru").json()

    assert english["status_label"] == "Waiting for the queue"
    assert russian["status_label"] == "Ожидает постановки в очередь"


def _revision_with(paragraphs: int, secretariat):
    from drafts.services import revision_publish

    revision = RevisionFactory()
    ParagraphFactory.create_batch(paragraphs, revision=revision)
    return revision_publish(revision=revision, user=secretariat)


def test_asking_and_following_cost_the_same_queries_for_10_and_200_paragraphs(
    as_alice, secretariat, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (10, 200):
        revision = _revision_with(size, secretariat)
        ask(as_alice, revision)  # the job exists; what follows is the everyday request
        with CaptureQueriesContext(connection) as asked:
            body = ask(as_alice, revision).json()
        with django_assert_max_num_queries(2):
            as_alice.get(path_of(body["status_url"]))
        counts.append(len(asked))
    assert counts[0] == counts[1]
    assert counts[0] <= 12


@pytest.mark.django_db(transaction=True)
def test_with_a_worker_at_hand_the_first_request_already_answers_with_the_file(
    alice, published_revision
):
    # Real commits: the task runs (eagerly, as in the test settings) after the job's commit.
    response = ask(client_for(alice), published_revision, "en")

    assert response.status_code == 200
    assert response.json()["status"] == "ready"
    assert PdfJob.objects.get().requested_by == alice


@pytest.mark.django_db(transaction=True)
def test_redis_down_answers_202_with_the_pending_job_and_a_clear_message(
    published_revision, broker_down
):
    response = ask(client_for(None), published_revision, "en")

    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "pending"
    assert "will be generated automatically in a few minutes" in body["message"]
    job = PdfJob.objects.get()
    assert "6390" in job.enqueue_error
    assert client_for(None).get(path_of(body["status_url"])).json()["status"] == "pending"
