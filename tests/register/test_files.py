"""Files are judged by content: a PDF is a PDF that opens, a DOCX a zip with
word/document.xml, at most REGISTER_MAX_UPLOAD_BYTES; the text is extracted by a task."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from register import signals
from register.models import Document, LanguageVersion
from register.services import extract_text_task, version_add
from register.uploads import file_check

from .conftest import PNG, docx_bytes, pdf_bytes, upload


def test_a_pdf_is_recognised_by_its_content_whatever_its_name(db):
    checked = file_check(upload("whatever.bin", pdf_bytes(), "application/octet-stream"))
    assert checked.format == "pdf" and checked.size == len(pdf_bytes())
    assert len(checked.sha256) == 64


def test_a_docx_is_kept_as_a_docx(db):
    assert file_check(upload("note.docx", docx_bytes("Hello"))).format == "docx"


@pytest.mark.parametrize(
    "content",
    [
        PNG,  # a PNG renamed .pdf
        b"%PDF-1.7\nthis is not really a PDF",  # the magic bytes alone are not enough
        b"",
        b"PK\x03\x04 a broken zip",
    ],
    ids=["png", "fake-pdf", "empty", "broken-zip"],
)
def test_what_is_not_a_pdf_or_docx_is_refused(db, content):
    with pytest.raises(ValidationError):
        file_check(upload("scan.pdf", content))


def test_a_zip_without_a_word_document_is_refused(db):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ValidationError):
        file_check(upload("x.docx", out.getvalue()))


def test_a_png_renamed_pdf_is_refused_by_the_service_and_nothing_is_issued(issue, english):
    with pytest.raises(ValidationError) as refused:
        issue("INF", files={"ru": upload("scan.pdf", PNG, "application/pdf")})
    assert refused.value.message_dict == {
        "file_ru": ["The file must be a PDF or a Word document (DOCX); this one is neither."]
    }
    assert not Document.objects.exists()


def test_a_file_over_the_limit_is_refused(issue, settings):
    settings.REGISTER_MAX_UPLOAD_BYTES = 1000
    big = pdf_bytes("x" * 10) + b"%" * 1000  # still a valid PDF, only too big
    with pytest.raises(ValidationError) as refused:
        issue("INF", files={"ru": upload("big.pdf", big)})
    assert "file_ru" in refused.value.message_dict
    assert not Document.objects.exists()


def test_a_file_whose_declared_size_lies_is_still_measured(db, settings):
    settings.REGISTER_MAX_UPLOAD_BYTES = 1000
    file = upload("big.pdf", pdf_bytes() + b"%" * 1000)
    file.size = 10  # the client's word
    with pytest.raises(ValidationError):
        file_check(file)


def test_the_default_limit_is_50_mb():
    from django.conf import settings

    assert settings.REGISTER_MAX_UPLOAD_BYTES == 50 * 1024 * 1024


def test_the_file_is_stored_on_the_default_storage_under_its_symbol(issue):
    document = issue("INF")
    version = document.versions.get()
    assert version.file.name.startswith(f"register/{document.meeting_id}/RES-2026_PREP_1_INF_1_ru")
    assert version.file.storage.exists(version.file.name)
    with version.file.open("rb") as handle:
        assert handle.read() == pdf_bytes()


def test_the_text_of_a_pdf_is_extracted_and_announced(issue, django_capture_on_commit_callbacks):
    heard = []

    def receiver(sender, version, **kwargs):
        heard.append(version.pk)

    signals.text_extracted.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            document = issue("INF", files={"ru": upload("t.pdf", pdf_bytes("Land degradation"))})
    finally:
        signals.text_extracted.disconnect(receiver)
    version = document.versions.get()
    version.refresh_from_db()
    assert "Land degradation" in version.text
    assert version.text_extracted_at is not None and version.text_error == ""
    assert heard == [version.pk]


def test_the_text_of_a_docx_is_extracted(issue, secretariat, django_capture_on_commit_callbacks):
    document = issue("INF")
    with django_capture_on_commit_callbacks(execute=True):
        version = version_add(
            document=document,
            language="en",
            file=upload("n.docx", docx_bytes("Restoration of forests", "Snow leopard")),
            by=secretariat,
        )
    version.refresh_from_db()
    assert version.text == "Restoration of forests\nSnow leopard"


def test_the_task_is_idempotent_and_records_failure_on_the_version(issue):
    document = issue("INF")
    version = document.versions.get()
    assert extract_text_task(version.pk) is True
    assert extract_text_task(version.pk) is False  # done once
    version.file.storage.delete(version.file.name)
    assert extract_text_task(version.pk, force=True) is False
    version.refresh_from_db()
    assert version.text_error  # the failure is on the row, not only in Celery's log
    assert extract_text_task(999_999) is False


def test_issuing_sends_document_issued_after_commit(
    issue, secretariat, django_capture_on_commit_callbacks
):
    heard = []

    def on_issued(sender, document, **kwargs):
        heard.append(("issued", document.symbol))

    def on_version(sender, version, **kwargs):
        heard.append(("version", version.language))

    signals.document_issued.connect(on_issued)
    signals.version_added.connect(on_version)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            document = issue("INF")
        assert heard == []  # nothing before the commit
        for callback in callbacks:
            callback()
        with django_capture_on_commit_callbacks(execute=True):
            version_add(document=document, language="en", file=upload(), by=secretariat)
    finally:
        signals.document_issued.disconnect(on_issued)
        signals.version_added.disconnect(on_version)
    assert heard == [("issued", "RES-2026/PREP/1/INF/1"), ("version", "en")]


def test_a_language_has_one_version_and_a_document_one_original(issue, secretariat):
    document = issue("INF")
    with pytest.raises(ValidationError):
        version_add(document=document, language="ru", file=upload(), by=secretariat)
    with pytest.raises(ValidationError):
        version_add(document=document, language="en", file=upload(), original=True, by=secretariat)
    with pytest.raises(ValidationError):
        version_add(document=document, language="xx", file=upload(), by=secretariat)
    assert LanguageVersion.objects.count() == 1


def test_the_original_language_is_the_only_files_or_the_one_named(issue):
    only_english = issue("INF", files={"en": upload()})
    assert only_english.versions.get().original
    both = issue("INF", files={"ru": upload(), "en": upload()}, original_language="en")
    assert both.versions.get(original=True).language == "en"
    with pytest.raises(ValidationError):
        issue("INF", files={"ru": upload()}, original_language="en")
