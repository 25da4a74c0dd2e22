"""Uploads are judged by their content, never by their name or the browser's word.

A nomination letter must be a PDF (its first bytes say so) of at most 10 MB. A photo must be
a JPEG or PNG of at most 2 MB that Pillow can decode; it is then re-encoded from its pixels
alone, so no EXIF, GPS or comment survives, and cropped to a badge's proportions.
"""

import hashlib
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

LETTER_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_BYTES = 2 * 1024 * 1024
# A badge photo is 3:4 (width:height), as on a passport; printed about 30 × 40 mm.
PHOTO_SIZE = (300, 400)
PDF_MAGIC = b"%PDF-"
# Decompression bombs: a 2 MB file may still claim a billion pixels.
MAX_PIXELS = 40_000_000


def _read_capped(upload, limit: int, too_big) -> bytes:
    """At most `limit` bytes; one more means the file is too big (its declared size may lie)."""
    if getattr(upload, "size", None) is not None and upload.size > limit:
        raise ValidationError(too_big, code="too_big")
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(too_big, code="too_big")
    return data


def letter_clean(upload) -> ContentFile:
    data = _read_capped(upload, LETTER_MAX_BYTES, _("The letter may be at most 10 MB."))
    # Some generators put a few bytes before the header; readers accept it within 1 KB.
    if PDF_MAGIC not in data[:1024]:
        raise ValidationError(_("The letter must be a PDF file."), code="not_pdf")
    digest = hashlib.sha256(data).hexdigest()[:16]
    return ContentFile(data, name=f"letter-{digest}.pdf")


def photo_clean(upload) -> ContentFile:
    data = _read_capped(upload, PHOTO_MAX_BYTES, _("The photo may be at most 2 MB."))
    not_an_image = _("The photo must be a JPEG or PNG image.")
    try:
        with Image.open(BytesIO(data)) as probe:
            if probe.format not in {"JPEG", "PNG"}:
                raise ValidationError(not_an_image, code="not_image")
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(not_an_image, code="not_image")
            probe.verify()
        with Image.open(BytesIO(data)) as image:
            image.load()
            # The camera's orientation tag is applied to the pixels before it is dropped.
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image = ImageOps.fit(image, PHOTO_SIZE, method=Image.Resampling.LANCZOS)
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise ValidationError(not_an_image, code="not_image") from error
    clean = Image.new("RGB", image.size)
    clean.paste(image)  # a new image from the pixels only: no info dict, no EXIF, no ICC
    out = BytesIO()
    clean.save(out, format="JPEG", quality=88, optimize=True)
    digest = hashlib.sha256(out.getvalue()).hexdigest()[:16]
    return ContentFile(out.getvalue(), name=f"photo-{digest}.jpg")
