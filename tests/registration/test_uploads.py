"""Item 8 of the issue: uploads judged by content; nothing half-saved."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from registration.models import NominationLetter, Registration
from registration.services import nomination_letter_upload, registration_nominate
from registration.uploads import PHOTO_SIZE, letter_clean, photo_clean

from .conftest import image_bytes


def person(**extra):
    return {
        "title": "mr",
        "given_name": "Timur",
        "family_name": "Akhmetov",
        "function": "Adviser",
        "email": "timur@example.org",
        **extra,
    }


def test_a_png_renamed_pdf_is_not_a_letter(english):
    with pytest.raises(ValidationError, match="PDF"):
        letter_clean(SimpleUploadedFile("letter.pdf", image_bytes("PNG"), "application/pdf"))


def test_a_pdf_is_a_letter_whatever_its_name():
    clean = letter_clean(SimpleUploadedFile("scan.png", b"%PDF-1.7\n...", "image/png"))
    assert clean.name.endswith(".pdf")


def test_a_fifty_megabyte_upload_is_refused_without_being_read_whole(english):
    class Huge(BytesIO):
        size = 50 * 1024 * 1024

    with pytest.raises(ValidationError, match="10 MB"):
        letter_clean(Huge(b"%PDF-"))
    with pytest.raises(ValidationError, match="2 MB"):
        photo_clean(Huge(b"\xff\xd8"))


def test_a_file_that_lies_about_its_size_is_still_capped():
    class Liar(BytesIO):
        size = 10

    with pytest.raises(ValidationError):
        letter_clean(Liar(b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1)))


def test_an_exif_laden_photo_comes_out_without_metadata_and_in_badge_proportions():
    raw = image_bytes("JPEG", size=(1200, 600), exif=True)
    assert b"SpyCam" in raw
    clean = photo_clean(SimpleUploadedFile("me.jpg", raw, "image/jpeg"))
    data = clean.read()
    assert b"SpyCam" not in data and b"Secret software" not in data
    with Image.open(BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == PHOTO_SIZE
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_gif_or_garbage_is_not_a_photo(english):
    for data in (image_bytes("GIF"), b"\xff\xd8\xff garbage", b""):
        with pytest.raises(ValidationError, match="JPEG or PNG"):
            photo_clean(SimpleUploadedFile("x.jpg", data, "image/jpeg"))


def test_a_bad_photo_leaves_no_registration(meeting, head_a):
    with pytest.raises(ValidationError):
        registration_nominate(
            meeting=meeting,
            user=head_a,
            delegation=head_a.membership.delegation,
            photo=SimpleUploadedFile("me.jpg", b"not an image", "image/jpeg"),
            **person(),
        )
    assert not Registration.objects.exists()


def test_a_good_photo_is_stored_outside_public_media(meeting, head_a, settings):
    registration = registration_nominate(
        meeting=meeting,
        user=head_a,
        delegation=head_a.membership.delegation,
        photo=SimpleUploadedFile("me.png", image_bytes("PNG"), "image/png"),
        **person(),
    )
    path = registration.photo.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT) + "/") or "private" in path


def test_the_letter_is_replaced_not_duplicated(meeting, head_a, delegation_a):
    for _ in range(2):
        nomination_letter_upload(
            meeting=meeting,
            delegation=delegation_a,
            upload=SimpleUploadedFile("l.pdf", b"%PDF-1.4 letter", "application/pdf"),
            user=head_a,
        )
    assert NominationLetter.objects.count() == 1


def test_the_letter_reaches_its_delegation_and_the_secretariat_only(
    client, meeting, head_a, alice, bob, secretariat, delegation_a
):
    letter = nomination_letter_upload(
        meeting=meeting,
        delegation=delegation_a,
        upload=SimpleUploadedFile("l.pdf", b"%PDF-1.4 letter", "application/pdf"),
        user=head_a,
    )
    url = f"/ru/registration/letters/{letter.pk}/"
    for user, status in ((alice, 200), (secretariat, 200), (bob, 403)):
        client.force_login(user)
        assert client.get(url).status_code == status
