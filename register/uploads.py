"""A register file is judged by its content, never by its name or the browser's word.

A PDF starts with `%PDF-` and opens with pypdf (a password-protected one is refused: nobody
could read it); a DOCX is a zip archive with `word/document.xml` and is kept as uploaded.
Either is at most settings.REGISTER_MAX_UPLOAD_BYTES (50 MB by default). The file is read in
chunks: a 50 MB upload is never held in memory whole.
"""

import hashlib
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    upload: object  # the uploaded file, rewound
    format: str  # "pdf" or "docx"
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return settings.REGISTER_MAX_UPLOAD_BYTES


def _too_big(limit: int) -> ValidationError:
    return ValidationError(
        _("A file may be at most %(size)s.") % {"size": filesizeformat(limit)}, code="too_big"
    )


def _not_a_document() -> ValidationError:
    return ValidationError(
        _("The file must be a PDF or a Word document (DOCX); this one is neither."),
        code="not_document",
    )


def _digest(upload, limit: int) -> tuple[int, str]:
    """Size and sha256 of the whole file, read in chunks; refused past `limit` bytes."""
    digest, size = hashlib.sha256(), 0
    upload.seek(0)
    while chunk := upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise _too_big(limit)
        digest.update(chunk)
    upload.seek(0)
    return size, digest.hexdigest()


def pdf_opens(upload) -> bool:
    """Whether pypdf reads pages from it: the one test of "is a PDF" (the register's files,
    the submissions' originals); a password-protected PDF is not one nobody can read."""
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            return False
        return len(reader.pages) > 0
    except Exception:  # pypdf raises many kinds on a damaged file: any means "not a PDF"
        return False
    finally:
        upload.seek(0)


def _docx_opens(upload) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def file_check(upload) -> CheckedFile:
    """The upload as the register stores it, or ValidationError saying why not."""
    limit = max_upload_bytes()
    declared = getattr(upload, "size", None)
    if declared is not None and declared > limit:
        raise _too_big(limit)
    size, sha256 = _digest(upload, limit)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(PDF_MAGIC):
        if not pdf_opens(upload):
            raise ValidationError(
                _(
                    "The file starts like a PDF but cannot be opened (damaged or protected by "
                    "a password)."
                ),
                code="bad_pdf",
            )
        return CheckedFile(upload=upload, format="pdf", size=size, sha256=sha256)
    if head.startswith(ZIP_MAGIC) and _docx_opens(upload):
        return CheckedFile(upload=upload, format="docx", size=size, sha256=sha256)
    raise _not_a_document()
