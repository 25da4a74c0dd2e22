"""Item 8 of the issue: uploads judged by content; nothing half-saved."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
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


def test_the_head_is_told_when_a_png_renamed_pdf_is_sent_as_the_letter(
    client, meeting, head_a, english
):
    client.force_login(head_a)
    answer = client.post(
        reverse("registration_letter_upload", args=[meeting.slug]),
        {"letter": SimpleUploadedFile("letter.pdf", image_bytes("PNG"), "application/pdf")},
        follow=True,
    )
    assert "The letter must be a PDF file." in answer.content.decode()
    assert not NominationLetter.objects.exists()


def test_the_nomination_form_refuses_a_ten_thousand_character_name_and_saves_nothing(
    client, meeting, head_a, english
):
    client.force_login(head_a)
    answer = client.post(
        reverse("registration_nominations", args=[meeting.slug]),
        {
            "title": "mr",
            "given_name": "A" * 10_000,
            "family_name": "B",
            "function": "C",
            "email": "c@example.org",
            "language": "en",
            "photo": SimpleUploadedFile("me.jpg", image_bytes("JPEG", exif=True), "image/jpeg"),
        },
    )
    assert answer.status_code == 400
    assert "at most 100 characters" in answer.content.decode()
    assert not Registration.objects.exists()


def test_the_nomination_form_stores_a_clean_photo_and_the_page_shows_it_to_the_head(
    client, meeting, head_a, bob
):
    client.force_login(head_a)
    client.post(
        reverse("registration_nominations", args=[meeting.slug]),
        {
            "title": "mr",
            "given_name": "Timur",
            "family_name": "Akhmetov",
            "function": "Adviser",
            "email": "timur@example.org",
            "language": "ru",
            "photo": SimpleUploadedFile("me.jpg", image_bytes("JPEG", exif=True), "image/jpeg"),
        },
    )
    registration = Registration.objects.get()
    photo = client.get(reverse("registration_photo", args=[registration.pk]))
    assert photo.status_code == 200
    assert b"SpyCam" not in b"".join(photo.streaming_content)
    client.force_login(bob)
    assert client.get(reverse("registration_photo", args=[registration.pk])).status_code == 403
