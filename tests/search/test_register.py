"""The register's documents are found by their title and by the text extracted from each
language's file, as soon as the extraction (a Celery task) has run."""

from datetime import date

import pytest

from programme.models import Meeting
from register.services import document_issue, version_add
from tests.factories import SummitFactory
from tests.register.conftest import docx_bytes, pdf_bytes, upload


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def almaty(db):
    return Meeting.objects.create(
        summit=SummitFactory(),
        kind="preparatory",
        slug="almaty",
        title_ru="Подготовительная встреча",
        title_en="Preparatory meeting",
        place_ru="Алматы",
        place_en="Almaty",
        start_date=date(2026, 2, 25),
    )


def test_a_documents_extracted_text_is_found_in_its_language(
    almaty, secretariat, committed, find, anonymous
):
    with committed():
        document = document_issue(
            meeting=almaty,
            series="INF",
            by=secretariat,
            title_ru="Информационная записка",
            title_en="Information note",
            files={
                "ru": upload(
                    "note.docx",
                    docx_bytes("О деградации пастбищ в горах."),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ),
                "en": upload("note.pdf", pdf_bytes("Restoration of mountain pastures")),
            },
        )

    assert find(anonymous, "деградация") == [("document", "О деградации пастбищ в горах.")]
    assert find(anonymous, "restore", "en", kind="document", meeting=almaty.pk) == [
        ("document", "Restoration of mountain pastures")
    ]
    assert find(anonymous, "restore", "en", meeting=almaty.pk + 1) == []
    assert find(anonymous, "записка") == [("document", "О деградации пастбищ в горах.")]
    assert document.symbol.endswith("/INF/1")


def test_a_language_version_added_later_is_found_and_a_revision_supersedes(
    almaty, secretariat, committed, find, anonymous
):
    from search.models import Entry

    with committed():
        original = document_issue(
            meeting=almaty,
            series="INF",
            by=secretariat,
            title_ru="Записка",
            title_en="Note",
            files={"ru": upload()},
        )
    # English: the title only, until its file is issued.
    [english] = Entry.objects.filter(unit=f"register:{original.pk}", language="en")
    assert "to be issued" in english.context
    with committed():
        version_add(
            document=original,
            language="en",
            file=upload("n.pdf", pdf_bytes("Glaciers")),
            by=secretariat,
        )
    assert find(anonymous, "glacier", "en") == [("document", "Glaciers")]

    with committed():
        revision = document_issue(
            meeting=almaty,
            series="INF",
            by=secretariat,
            revises=original,
            title_ru="Записка",
            title_en="Note",
            files={"en": upload("r.pdf", pdf_bytes("Glaciers melt"))},
        )

    contexts = dict(
        Entry.objects.filter(language="en", kind="document").values_list("body", "context")
    )
    assert f"superseded by {revision.symbol}" in contexts["Glaciers"]
    assert "superseded" not in contexts["Glaciers melt"]
