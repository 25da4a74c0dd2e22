"""After the deadline the secretariat publishes the submissions as one MISC document of the
register: one PDF per language, in the order of the list of participants, each submission
under its delegation's name, the original PDFs linked."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from submissions.models import Call
from submissions.services import call_compile, call_publish, submission_submit
from submissions.signals import call_published, submission_published

from .conftest import pdf_upload

BASE = "https://portal.example.org/"


@pytest.fixture
def closed_call(call, head_a, head_b, olga):
    # Submitted in the order: the organisation, Uzbekistan, Kazakhstan.
    submission_submit(call=call, user=olga, text="UNEP supports the initiative.")
    submission_submit(call=call, user=head_b, text="Uzbekistan proposes a water compact.")
    submission_submit(
        call=call, user=head_a, text="Kazakhstan proposes a dryland fund.", file=pdf_upload()
    )
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    call.refresh_from_db()
    return call


def _pdf_text(version) -> str:
    with version.file.open("rb") as handle:
        reader = PdfReader(BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def _links(version) -> list[str]:
    with version.file.open("rb") as handle:
        reader = PdfReader(BytesIO(handle.read()))
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]


def test_publishing_issues_one_misc_document_in_the_order_of_the_list_of_participants(
    closed_call, secretariat, django_capture_on_commit_callbacks
):
    heard = []

    def receiver(sender, call, document, **kwargs):
        heard.append((call.pk, document.symbol))

    submission_published.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            call_publish(call=closed_call, by=secretariat, base_url=BASE)
    finally:
        call_published.disconnect(receiver)

    closed_call.refresh_from_db()
    document = closed_call.document
    assert closed_call.publish_status == Call.PublishStatus.DONE
    assert document.series == "MISC"
    assert document.symbol.endswith("/MISC/1")
    assert heard == [(closed_call.pk, document.symbol)]
    versions = {v.language: v for v in document.versions.all()}
    assert set(versions) == {"ru", "en"}

    text = _pdf_text(versions["en"])
    # States by name (Kazakhstan, Uzbekistan), then the organisations.
    positions = [text.index(name) for name in ("Kazakhstan", "Uzbekistan", "United Nations")]
    assert positions == sorted(positions)
    assert "Kazakhstan proposes a dryland fund." in text
    assert "Written submissions" in text
    kazakhstan = closed_call.submissions.get(delegation__slug="kz")
    assert f"https://portal.example.org/en/calls/submissions/{kazakhstan.pk}/file/" in (
        _links(versions["en"])
    )
    # The Russian edition heads each submission with the delegation's Russian name.
    assert "Программа ООН по окружающей среде" in _pdf_text(versions["ru"])


def test_compiling_twice_issues_one_document(closed_call, secretariat):
    Call.objects.filter(pk=closed_call.pk).update(
        publish_status=Call.PublishStatus.QUEUED, published_by=secretariat
    )
    first = call_compile(call_id=closed_call.pk, base_url=BASE)
    again = call_compile(call_id=closed_call.pk, base_url=BASE)
    assert first.document_id == again.document_id
    from register.models import Document

    assert Document.objects.filter(series="MISC").count() == 1


def test_a_failed_compilation_is_recorded_on_the_call(closed_call, secretariat, monkeypatch):
    Call.objects.filter(pk=closed_call.pk).update(
        publish_status=Call.PublishStatus.QUEUED, published_by=secretariat
    )

    def broken(*args, **kwargs):
        raise RuntimeError("fonts missing")

    monkeypatch.setattr("submissions.services.html_to_pdf", broken)
    call = call_compile(call_id=closed_call.pk, base_url=BASE)
    assert call.publish_status == Call.PublishStatus.FAILED
    assert "fonts missing" in call.publish_error
    assert call.document_id is None


def test_the_call_is_published_only_after_its_deadline(call, secretariat, english):
    with pytest.raises(ValidationError) as refused:
        call_publish(call=call, by=secretariat, base_url=BASE)
    assert "Almaty" in refused.value.messages[0]


def test_only_the_secretariat_publishes(closed_call, head_a):
    with pytest.raises(PermissionDenied):
        call_publish(call=closed_call, by=head_a, base_url=BASE)


def test_the_originals_are_public_once_published(closed_call, bob, secretariat, client):
    kazakhstan = closed_call.submissions.get(delegation__slug="kz")
    url = f"/en/calls/submissions/{kazakhstan.pk}/file/"
    assert client.get(url).status_code == 403  # not public before publication
    client.force_login(bob)
    assert client.get(url).status_code == 403  # another delegation's
    client.logout()
    Call.objects.filter(pk=closed_call.pk).update(publish_status=Call.PublishStatus.DONE)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
