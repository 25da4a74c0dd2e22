import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import NameObject

from programme.models import AgendaItem, Meeting
from tests.factories import SummitFactory


def pdf_bytes(text: str = "") -> bytes:
    """A one-page PDF; with `text`, a page whose content stream draws it (for extraction)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    if text:
        from pypdf.generic import DecodedStreamObject, DictionaryObject

        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def upload(name: str = "doc.pdf", content: bytes | None = None, content_type="application/pdf"):
    return SimpleUploadedFile(name, pdf_bytes() if content is None else content, content_type)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def summit(db):
    return SummitFactory()


@pytest.fixture
def almaty(summit):
    """The preparatory meeting in Almaty, 25–27 February 2026."""
    return Meeting.objects.create(
        summit=summit,
        kind=Meeting.Kind.PREPARATORY,
        title_en="Preparatory meeting",
        title_ru="Подготовительная встреча",
        place_en="Almaty",
        place_ru="Алматы",
        start_date=date(2026, 2, 25),
        end_date=date(2026, 2, 27),
        slug="almaty",
    )


@pytest.fixture
def agenda_item(almaty):
    return AgendaItem.objects.create(
        meeting=almaty, position=1, title_en="Opening", title_ru="Открытие"
    )


@pytest.fixture
def issue(almaty, secretariat):
    """Issue a document of the Almaty meeting (a Russian PDF original unless told otherwise)."""
    from register.services import document_issue

    def issue(series="INF", files=None, **kwargs):
        kwargs.setdefault("title_ru", "Информационная записка")
        kwargs.setdefault("title_en", "Information note")
        kwargs.setdefault("meeting", almaty)
        return document_issue(
            series=series,
            files=files or {"ru": upload()},
            by=kwargs.pop("by", secretariat),
            **kwargs,
        )

    return issue
