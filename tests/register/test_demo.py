"""The demo's register: the Almaty meeting's example documents, marked as examples, with an
INF in Russian and English, its /Rev.1, and a CRP whose English is still to be issued."""

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from register.models import Document


@pytest.mark.django_db
def test_the_demo_issues_example_documents_of_the_almaty_meeting(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo")
    documents = {d.symbol: d for d in Document.objects.with_superseded_by()}
    assert set(documents) == {
        "RES-2026/PREP/1/INF/1",
        "RES-2026/PREP/1/INF/1/Rev.1",
        "RES-2026/PREP/1/CRP/1",
    }
    note = documents["RES-2026/PREP/1/INF/1"]
    assert note.superseded_by_symbol == "RES-2026/PREP/1/INF/1/Rev.1"
    assert dict(note.versions.values_list("language", "original")) == {"ru": True, "en": False}
    assert list(documents["RES-2026/PREP/1/CRP/1"].versions.values_list("language", flat=True)) == [
        "ru"
    ]
    for document in documents.values():
        assert "example" in document.title_en and "пример" in document.title_ru
        assert document.meeting.slug == "almaty-preparatory-2026"
        assert str(document.issued_at.date()) in {"2026-02-25", "2026-02-26", "2026-02-27"}
        for version in document.versions.all():
            with version.file.open("rb") as handle:
                text = PdfReader(handle).pages[0].extract_text()
            assert "Demonstration example" in text or "Демонстрационный пример" in text
            version.refresh_from_db()
            assert version.text.startswith(text.split("\n")[0])  # extracted for search
    call_command("load_demo")  # a second run changes nothing
    assert Document.objects.count() == 3
