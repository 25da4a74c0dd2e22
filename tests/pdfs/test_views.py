import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from pdfs.models import PdfJob
from pdfs.permissions import pdf_job_requester_key
from pdfs.services import pdf_job_request

# Real commits, as in production: the task is sent by transaction.on_commit inside the request.
pytestmark = pytest.mark.django_db(transaction=True)


def request_url(revision, language):
    return reverse("pdf_request", args=[revision.document.slug, revision.number, language])


def ask(client, revision, language="ru"):
    return client.post(request_url(revision, language), HTTP_ACCEPT="application/json")


def test_anyone_may_ask_for_the_pdf_of_a_published_revision(client, published_revision):
    response = ask(client, published_revision)

    assert response.status_code == 200
    payload = response.json()
    assert payload["status"] == "ready"
    assert payload["pages"] == 1
    download = client.get(payload["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]


def test_asking_again_answers_at_once_from_the_stored_job(
    client, published_revision, django_assert_max_num_queries
):
    first = ask(client, published_revision).json()

    with django_assert_max_num_queries(8):
        again = ask(client, published_revision)

    assert again.json()["id"] == first["id"]
    assert PdfJob.objects.count() == 1


def _status_url(job, user=None) -> str:
    """The status URL the requester was given: it carries their key."""
    return reverse("pdf_job_status", args=[job.pk]) + f"?key={pdf_job_requester_key(job, user)}"


def test_the_status_endpoint_returns_the_job_state(client, published_revision):
    job = pdf_job_request(revision=published_revision, language="en", user=None, enqueue=False)

    payload = client.get(_status_url(job)).json()

    assert payload["status"] == "pending"
    assert payload["download_url"] is None
    assert payload["language"] == "en"
    assert payload["message"]


def test_a_failed_job_reports_its_reason(client, published_revision):
    job = pdf_job_request(revision=published_revision, language="en", user=None, enqueue=False)
    PdfJob.objects.filter(pk=job.pk).update(status="failed", error="WeasyPrint crashed")

    payload = client.get(_status_url(job)).json()

    assert payload["status"] == "failed"
    assert payload["error"] == "WeasyPrint crashed"


def test_the_job_status_is_only_for_whoever_holds_its_key(client, published_revision, alice):
    job = pdf_job_request(revision=published_revision, language="en", user=None, enqueue=False)
    bare = reverse("pdf_job_status", args=[job.pk])

    assert client.get(bare).status_code == 404  # ids are sequential: no key, no job
    assert client.get(bare + "?key=forged").status_code == 404
    client.force_login(alice)
    # The anonymous requester's key is not Alice's.
    assert client.get(_status_url(job, None)).status_code == 404
    assert client.get(_status_url(job, alice)).status_code == 200


def test_the_status_url_given_with_the_job_carries_the_key(client, published_revision):
    response = client.post(
        reverse("pdf_request", args=[published_revision.document.slug, 1, "en"]),
        HTTP_ACCEPT="application/json",
    )

    assert client.get(response.json()["status_url"]).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "alice"])
def test_outsiders_and_delegates_cannot_get_a_draft_pdf(client, draft_revision, alice, who):
    job = pdf_job_request(revision=draft_revision, language="en", user=None, enqueue=False)
    if who == "alice":
        client.force_login(alice)

    assert ask(client, draft_revision).status_code == 404
    assert client.get(reverse("pdf_job_status", args=[job.pk])).status_code == 404
    assert client.get(reverse("pdf_job_download", args=[job.pk])).status_code == 404


def test_the_secretariat_gets_the_draft_pdf(client, draft_revision, secretariat):
    client.force_login(secretariat)

    payload = ask(client, draft_revision, "en").json()
    download = client.get(payload["download_url"])

    assert payload["status"] == "ready"
    assert download.status_code == 200
    assert PdfJob.objects.get().requested_by == secretariat


def test_a_delegate_downloads_the_published_pdf(client, published_revision, alice):
    client.force_login(alice)

    payload = ask(client, published_revision).json()

    assert client.get(payload["download_url"]).status_code == 200


def test_download_of_an_unfinished_job_is_not_found(client, published_revision):
    job = pdf_job_request(revision=published_revision, language="en", user=None, enqueue=False)

    assert client.get(reverse("pdf_job_download", args=[job.pk])).status_code == 404


def test_bad_requests_get_4xx(client, published_revision):
    assert ask(client, published_revision, "de").status_code == 404
    assert client.get(request_url(published_revision, "ru")).status_code == 405
    assert client.get(reverse("pdf_job_status", args=[999])).status_code == 404


def test_without_javascript_the_form_redirects_to_the_file(client, published_revision):
    response = client.post(request_url(published_revision, "ru"))

    assert response.status_code == 302
    assert response["Location"] == reverse("pdf_job_download", args=[PdfJob.objects.get().pk])


def test_redis_down_gives_a_clear_message_not_an_error(client, published_revision, broker_down):
    with translation.override("en"):
        response = ask(client, published_revision)

    assert response.status_code == 202
    payload = response.json()
    assert payload["status"] == "pending"
    assert "will be generated automatically in a few minutes" in payload["message"]
    with translation.override("ru"):
        page = client.post(request_url(published_revision, "en"), follow=True)
    assert page.status_code == 200
    assert "будет сформирован автоматически" in page.content.decode()


def test_the_revision_page_offers_the_pdfs(client, published_revision):
    ask(client, published_revision, "ru")

    page = client.get(published_revision.get_absolute_url()).content.decode()

    ready = PdfJob.objects.get()
    assert reverse("pdf_job_download", args=[ready.pk]) in page
    assert request_url(published_revision, "en") in page
    assert "js/pdf.js" in page


def test_the_revision_page_keeps_paragraph_ids_and_shows_line_numbers(client, published_revision):
    page = client.get(published_revision.get_absolute_url()).content.decode()

    for paragraph in published_revision.paragraphs.all():
        assert f'id="p-{paragraph.key}"' in page
    assert 'data-line="1"' in page


def test_render_pdf_command_writes_the_file_through_the_job(published_revision, tmp_path):
    output = tmp_path / "out.pdf"
    symbol = published_revision.document.symbol

    call_command("render_pdf", symbol, "--revision", "1", "--lang", "en", "-o", str(output))

    job = PdfJob.objects.get()
    assert job.status == "ready"
    assert output.read_bytes() == job.file.read()


def test_the_revision_page_with_its_pdf_block_stays_within_a_few_queries(
    client, long_revision, django_assert_max_num_queries
):
    ask(client, long_revision, "ru")

    with django_assert_max_num_queries(12):
        page = client.get(long_revision.get_absolute_url())

    assert page.status_code == 200
