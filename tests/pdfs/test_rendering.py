import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from fontTools.ttLib import TTFont

from adoption.services import document_adopt, statement_record
from drafts.models import Paragraph
from drafts.services import revision_publish
from pdfs import documents
from pdfs.services import pdf_job_request
from programme.models import Meeting
from tests.factories import MembershipFactory, ParagraphFactory, RevisionFactory
from tests.pdfs.pdftext import assert_tagged, marked_text, pdf_numbered_lines, pdf_reader
from typesetting import lines
from typesetting.pdf import (
    BASE_URL,
    PortalURLFetcher,
    ResourceRefused,
    html_to_pdf,
    render_template_pdf,
    resolve_resource,
)

# Every letter of Russian, and of Kazakh, Kyrgyz, Tajik, Uzbek and Turkmen in their Cyrillic
# and Latin alphabets (Kazakh Latin of 2017/2018 and 2021; Uzbek's oʻ and gʻ with U+02BB).
ALPHABETS = {
    "russian": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "kazakh_cyrillic": "ӘҒҚҢӨҰҮҺІ",
    "kyrgyz_cyrillic": "ҢӨҮ",
    "tajik_cyrillic": "ҒӢҚӮҲҶ",
    "uzbek_cyrillic": "ЎҚҒҲ",
    "turkmen_cyrillic": "ҖҢӨҮӘ",
    "kazakh_latin": "ABDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZÁǴŃÓÚÝ",
    "kyrgyz_latin": "ÇĞIÑÖŞÜ",
    "tajik_latin": "ČĪJŪŠŽ",
    "uzbek_latin": "OʻGʻSHCHʼ",
    "turkmen_latin": "ÄÇŽŇÖŞÜÝ",
}


def lower(alphabet: str) -> str:
    # Python lowercases İ to i + combining dot; Turkic orthographies write a plain i.
    return alphabet.lower().replace("i\u0307", "i")


LETTERS = sorted({char for alphabet in ALPHABETS.values() for char in alphabet + lower(alphabet)})


@pytest.mark.parametrize("style", sorted(lines.FONT_FILES))
def test_the_pdf_font_has_every_letter_of_the_region(style):
    cmap = TTFont(lines.font_path(style)).getBestCmap()

    missing = [char for char in LETTERS if ord(char) not in cmap]

    assert missing == []


def test_every_letter_of_the_region_renders_in_the_pdf(secretariat, on_commit):
    revision = RevisionFactory()
    for position, (name, alphabet) in enumerate(ALPHABETS.items(), start=1):
        text = f"{name}: {alphabet} {lower(alphabet)}"
        ParagraphFactory(revision=revision, position=position, text_ru=text, text_en=text)

    job = on_commit(pdf_job_request, revision=revision, language="ru", user=secretariat)
    text = " ".join(line.text for line in pdf_numbered_lines(job.file.read()))

    for name, alphabet in ALPHABETS.items():
        assert f"{name}: {alphabet} {lower(alphabet)}" in text


def test_fonts_are_embedded(published_revision, on_commit):
    job = on_commit(pdf_job_request, revision=published_revision, language="ru", user=None)
    reader = pdf_reader(job.file.read())

    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = "/FontFile2" in descriptor or "/FontFile3" in descriptor

    assert fonts
    assert all(fonts.values())
    assert any("PDF-Serif" in name for name in fonts)


def test_pdf_has_header_footer_metadata_and_russian_text(long_revision, on_commit):
    job = on_commit(pdf_job_request, revision=long_revision, language="ru", user=None)
    content = job.file.read()
    reader = pdf_reader(content)
    first_page = reader.pages[0].extract_text()
    last_page = reader.pages[-1].extract_text()
    symbol = f"{long_revision.document.symbol} Rev.{long_revision.number}"

    assert reader.metadata.title == f"Проект декларации — {symbol}"
    assert reader.metadata.author
    assert reader.trailer["/Root"]["/Lang"] == "ru"
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points
    assert "Региональный экологический саммит стран Центральной Азии" in first_page
    assert symbol in first_page
    assert "Русский" in first_page
    assert f"1 {_('of')} {len(reader.pages)}" in first_page
    assert f"{len(reader.pages)} {_('of')} {len(reader.pages)}" in last_page
    assert "Зелёный щит: совместные действия" in first_page


def _(text):
    with translation.override("ru"):
        return translation.gettext(text)


def test_the_adopted_text_prints_as_the_final_document_without_draft(
    long_revision, on_commit, secretariat, delegation_a
):
    job = on_commit(pdf_job_request, revision=long_revision, language="en", user=None)
    reader = pdf_reader(job.file.read())
    assert all("DRAFT" in page.extract_text() for page in reader.pages)

    document = long_revision.document
    Paragraph.objects.filter(revision__document=document, revision__state="draft").update(
        negotiation="agreed"
    )
    agreed = revision_publish(revision=document.revisions.get(state="draft"), user=secretariat)
    head = MembershipFactory(user__email="head@example.org", delegation=delegation_a, role="head")
    statement_record(
        document=document,
        user=head.user,
        kind="reservations",
        text="Kazakhstan reserves its position on OP2.",
        paragraph_keys=[p.key for p in agreed.paragraphs.filter(kind="operative")[1:2]],
    )
    meeting = Meeting.objects.create(
        summit=document.summit, kind="summit", title_en="Summit session", place="Astana",
        slug="session",
    )  # fmt: skip
    document_adopt(
        document=document,
        user=secretariat,
        meeting=meeting,
        adopted_on=timezone.localdate(),
        method="consensus",
        final_symbol="RES-2026/DECL/1",
    )
    adopted = on_commit(pdf_job_request, revision=agreed, language="en", user=None)

    content = adopted.file.read()
    pages = [page.extract_text() for page in pdf_reader(content).pages]
    text = " ".join(" ".join(pages).split())
    # Tagged, its line numbers and running heads artifacts (tests/pdfs/test_tagged.py).
    assert_tagged(content)
    artifacts = [text for text, tag in marked_text(content) if tag == "Artifact"]
    assert "1" in artifacts and "RES-2026/DECL/1" in artifacts
    assert not any("DRAFT" in page for page in pages)
    assert "RES-2026/DECL/1" in pages[0]
    with translation.override("en"):
        today = date_format(timezone.localdate(), "j F Y")
    assert f"Adopted at Summit session, {today} (by consensus)" in text
    assert "Annex: statements of delegations" in pages[-1]
    assert "Joins the consensus with reservations: OP2" in text
    assert "Kazakhstan reserves its position on OP2." in text
    # The earlier revision stays a draft.
    earlier = on_commit(pdf_job_request, revision=long_revision, language="en", user=None)
    assert earlier.pk == job.pk


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/static/css/portal.css",
        "https://example.org/font.ttf",
        "data:text/css,body{}",
        f"{BASE_URL}static/../../etc/passwd",
        f"{BASE_URL}static/%2e%2e/%2e%2e/settings.py",
        f"{BASE_URL}fonts/../../../etc/passwd",
        f"{BASE_URL}fonts/DejaVuSans.ttf",
        f"{BASE_URL}media/pdfs/secret.pdf",
        f"{BASE_URL}static/does-not-exist.css",
    ],
)
def test_the_url_fetcher_refuses_anything_but_portal_resources(url):
    with pytest.raises(ResourceRefused):
        resolve_resource(url)


def test_the_url_fetcher_serves_the_portal_stylesheet_and_fonts():
    css = PortalURLFetcher().fetch(f"{BASE_URL}static/pdf/pdf.css")
    font = PortalURLFetcher().fetch(f"{BASE_URL}fonts/LiberationSerif-Regular.ttf")

    assert b"@font-face" in css.read()
    assert font.read() == lines.font_path("regular").read_bytes()


def test_a_document_cannot_make_weasyprint_read_local_files(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the PDF")
    html = (
        f'<html><body><p>Hello</p><img src="file://{secret}">'
        '<img src="http://127.0.0.1:9/x.png"></body></html>'
    )

    content = html_to_pdf(html)

    assert content.startswith(b"%PDF")
    assert b"not for the PDF" not in content


def test_the_renderer_takes_other_templates_such_as_tables():
    context = {
        "language": "en",
        "language_name": "English",
        "summit": {"name": "Regional Ecological Summit of Central Asia"},
        "date": None,
        "watermark": False,
    }
    content = render_template_pdf("pdf/base.html", context)

    assert pdf_reader(content).pages[0].extract_text().count("Regional Ecological Summit") == 1


def test_template_version_is_a_digest_of_the_layout():
    version = documents.template_version()

    assert len(version) == 16
    assert version == documents.template_version()


def test_css_strings_cannot_break_out_of_the_stylesheet():
    from pdfs.templatetags.pdf_tags import css_string

    assert css_string("Стр.") == '"Стр."'
    assert css_string('a"; } body { x: "</style><script>') == (
        '"a\\22 ; } body { x: \\22 \\3c /style\\3e \\3c script\\3e "'
    )
