"""The register's pages: by series with the languages, a document page that says when it is
superseded, what was issued on a day of the meeting, the Atom feed, the files; the public
reads, only the secretariat issues."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from drafts.models import OutcomeDocument
from register.models import Document, LanguageVersion
from register.services import version_add
from tests.factories import OutcomeDocumentFactory

from .conftest import PNG, docx_bytes, pdf_bytes, upload

ALMATY = ZoneInfo("Asia/Almaty")


def register_url(almaty):
    return reverse("register:meeting", args=[almaty.slug])


@pytest.fixture
def inf_with_rev(issue, secretariat):
    original = issue("INF", title_en="Logistics note", title_ru="Записка о логистике")
    version_add(document=original, language="en", file=upload("en.pdf"), by=secretariat)
    rev1 = issue("INF", revises=original, title_en="Logistics note", title_ru="Записка о логистике")
    return original, rev1


def test_the_register_lists_documents_by_series_with_their_languages(
    client, almaty, inf_with_rev, issue, english
):
    issue("CRP", title_en="Room paper", title_ru="Документ зала заседаний")
    page = client.get("/en" + register_url(almaty)[3:]).content.decode()
    assert "Information document" in page and "Conference room paper" in page
    assert "RES-2026/PREP/1/INF/1" in page and "RES-2026/PREP/1/INF/1/Rev.1" in page
    assert "RES-2026/PREP/1/CRP/1" in page
    # Rev.1 has only its Russian original: the English one is to be issued.
    assert '<span lang="en">English</span>: to be issued' in page


def test_the_superseded_document_says_so_and_links_the_current_text(
    client, almaty, inf_with_rev, english
):
    original, rev1 = inf_with_rev
    page = client.get(original.get_absolute_url()).content.decode()
    assert "This document is superseded." in page
    assert f'href="{rev1.get_absolute_url()}"' in page
    current = client.get(rev1.get_absolute_url()).content.decode()
    assert "superseded" not in current.lower()
    register = client.get(register_url(almaty)).content.decode()
    assert register.count("Superseded") == 1


def test_the_register_page_is_russian_in_russian(client, almaty, inf_with_rev):
    page = client.get(register_url(almaty)).content.decode()
    assert "Записка о логистике" in page
    assert "Заменён" in page
    assert '<span lang="en">English</span>: будет выпущен' in page


def test_a_file_is_served_through_the_view_as_stored(client, almaty, issue, secretariat):
    document = issue("INF", files={"ru": upload("x.pdf", pdf_bytes())})
    version_add(
        document=document,
        language="en",
        file=upload("x.docx", docx_bytes("Hello"), "application/octet-stream"),
        by=secretariat,
    )
    pdf = client.get(reverse("register:download", args=[almaty.slug, document.pk, "ru"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    docx = client.get(reverse("register:download", args=[almaty.slug, document.pk, "en"]))
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert "attachment" in docx["Content-Disposition"]
    assert "RES-2026_PREP_1_INF_1_en.docx" in docx["Content-Disposition"]
    assert b"".join(docx.streaming_content) == docx_bytes("Hello")
    missing = client.get(reverse("register:download", args=[almaty.slug, document.pk, "kk"]))
    assert missing.status_code == 404


def test_issued_today_lists_the_days_documents_and_versions_in_almaty_time(
    client, almaty, issue, secretariat, english, time_machine=None
):
    # 23:30 in Almaty on 25 February is 18:30 UTC: still the 25th there.
    late = datetime(2026, 2, 25, 23, 30, tzinfo=ALMATY)
    document = issue("INF", title_en="Late note")
    Document.objects.filter(pk=document.pk).update(issued_at=late)
    LanguageVersion.objects.filter(document=document).update(issued_at=late)
    day1 = client.get(reverse("register:issued", args=[almaty.slug, "2026-02-25"])).content.decode()
    day2 = client.get(reverse("register:issued", args=[almaty.slug, "2026-02-26"])).content.decode()
    assert "Late note" in day1 and "Late note" not in day2
    assert "Day 1" in day1 and "Day 3" in day1
    assert "Nothing was issued that day." in day2
    # Today (whatever it is) lists what is issued now.
    fresh = issue("INF", title_en="Fresh note")
    today = client.get(reverse("register:issued_today", args=[almaty.slug])).content.decode()
    assert "Fresh note" in today and "Late note" not in today
    assert (
        fresh.issued_at.astimezone(ALMATY).date()
        == timezone.localtime(timezone.now(), ALMATY).date()
    )


def test_a_day_that_is_not_a_date_is_not_found(client, almaty):
    assert (
        client.get(reverse("register:issued", args=[almaty.slug, "2026-13-45"])).status_code == 404
    )


def test_the_atom_feed_lists_the_meetings_documents(client, almaty, inf_with_rev, english):
    response = client.get(reverse("register:feed", args=[almaty.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "RES-2026/PREP/1/INF/1/Rev.1" in body
    assert "Superseded by RES-2026/PREP/1/INF/1/Rev.1" in body
    assert body.count("<entry>") == 2


def test_the_meeting_page_links_its_register(client, almaty, issue, secretariat, english):
    issue("INF")
    page = client.get(almaty.get_absolute_url()).content.decode()
    assert register_url(almaty) in page and "Document register (1 document)" in page
    assert reverse("register:issue", args=[almaty.slug]) not in page
    client.force_login(secretariat)
    page = client.get(almaty.get_absolute_url()).content.decode()
    assert reverse("register:issue", args=[almaty.slug]) in page


def test_the_outcome_documents_list_links_the_registers(client, almaty):
    page = client.get(reverse("document_list")).content.decode()
    assert register_url(almaty) in page


def test_outcome_drafts_of_the_meeting_appear_published_only_for_the_public(
    client, almaty, summit, secretariat, published_revision, english
):
    # The published one is the conftest's; a second stays a draft (no published revision).
    published = published_revision.document
    OutcomeDocument.objects.filter(pk=published.pk).update(
        symbol="RES-2026/PREP/1/DRAFT", summit=summit
    )
    OutcomeDocumentFactory(
        summit=summit, symbol="RES-2026/PREP/1/L.2/DRAFT", title_en="Unseen draft"
    )
    OutcomeDocumentFactory(summit=summit, symbol="RES-2026/DECL/DRAFT", title_en="Summit's own")
    page = client.get(register_url(almaty)).content.decode()
    assert "RES-2026/PREP/1/DRAFT" in page
    assert "Unseen draft" not in page and "Summit&#x27;s own" not in page
    client.force_login(secretariat)
    page = client.get(register_url(almaty)).content.decode()
    assert "Unseen draft" in page
    assert "RES-2026/DECL/DRAFT" not in page  # the summit's, not this meeting's


@pytest.mark.parametrize("who", ["anonymous", "alice", "secretariat_without_totp", "secretariat"])
def test_only_the_secretariat_opens_the_forms_that_issue(client, almaty, issue, who, request):
    document = issue("INF")
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    issue_page = client.get(reverse("register:issue", args=[almaty.slug]))
    version_page = client.get(reverse("register:version_add", args=[almaty.slug, document.pk]))
    posted = client.post(reverse("register:issue", args=[almaty.slug]), {"series": "INF"})
    expected = {"anonymous": 302, "alice": 403, "secretariat_without_totp": 302, "secretariat": 200}
    assert issue_page.status_code == version_page.status_code == expected[who]
    assert posted.status_code == (400 if who == "secretariat" else expected[who])
    assert Document.objects.count() == 1


def _issue_form(**files):
    return {
        "series": "INF",
        "title_ru": "Информационная записка",
        "title_en": "Information note",
        "original_language": "ru",
        "relation": "",
        **files,
    }


def test_the_secretariat_issues_from_the_form_and_adds_the_english_version(
    client, almaty, secretariat, agenda_item, english
):
    client.force_login(secretariat)
    response = client.post(
        reverse("register:issue", args=[almaty.slug]),
        _issue_form(file_ru=upload("ru.pdf"), agenda_item=agenda_item.pk),
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert document.symbol == "RES-2026/PREP/1/INF/1" and document.agenda_item == agenda_item
    assert document.versions.get().original
    response = client.post(
        reverse("register:version_add", args=[almaty.slug, document.pk]),
        {"language": "en", "file": upload("en.pdf")},
    )
    assert response.status_code == 302
    english_version = document.versions.get(language="en")
    assert not english_version.original
    response = client.post(
        reverse("register:issue", args=[almaty.slug]),
        {**_issue_form(file_ru=upload("ru.pdf")), "relation": "revises", "related": document.pk},
    )
    assert Document.objects.latest("pk").symbol == "RES-2026/PREP/1/INF/1/Rev.1"


def test_a_png_renamed_pdf_is_refused_with_a_clear_error_on_the_form(
    client, almaty, secretariat, english
):
    client.force_login(secretariat)
    response = client.post(
        reverse("register:issue", args=[almaty.slug]),
        _issue_form(file_ru=upload("scan.pdf", PNG)),
    )
    assert response.status_code == 400
    assert "The file must be a PDF or a Word document (DOCX); this one is neither." in (
        response.content.decode()
    )
    assert not Document.objects.exists()


def test_the_form_needs_a_file(client, almaty, secretariat, english):
    client.force_login(secretariat)
    response = client.post(reverse("register:issue", args=[almaty.slug]), _issue_form())
    assert response.status_code == 400
    assert "Attach the file of at least one language." in response.content.decode()


def test_an_unknown_meeting_or_document_is_not_found(client, almaty, issue):
    document = issue("INF")
    assert client.get(reverse("register:meeting", args=["nowhere"])).status_code == 404
    assert (
        client.get(reverse("register:document", args=["nowhere", document.pk])).status_code == 404
    )
    assert (
        client.get(reverse("register:document", args=[almaty.slug, document.pk + 1])).status_code
        == 404
    )


def test_the_register_and_its_api_stay_within_a_few_queries_whatever_the_documents(
    client, almaty, issue, secretariat, django_assert_max_num_queries
):
    for _n in range(4):
        original = issue("INF", files={"ru": upload(), "en": upload()})
        issue("INF", revises=original)
        issue("CRP", adds_to=original)
    with django_assert_max_num_queries(12):
        assert client.get(register_url(almaty)).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"/api/v1/meetings/{almaty.pk}/documents/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("register:feed", args=[almaty.slug])).status_code == 200
