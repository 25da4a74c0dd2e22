"""A submission: one per delegation and call, replaced (never overwritten) until the deadline,
with a receipt number that stays; a PDF checked by its content."""

import pytest
from django.core.exceptions import ValidationError

from submissions.services import submission_submit

from .conftest import pdf_upload, png_as_pdf


def test_the_first_submission_gets_a_receipt_number(call, head_a):
    submission = submission_submit(call=call, user=head_a, text="Kazakhstan proposes…")
    assert submission.number == f"RES-2026-SUB-{call.pk}-0001"
    assert submission.submitted_at == submission.updated_at
    assert submission.replaced_at is None
    assert submission.submitted_by == head_a


def test_numbers_run_per_call(call, head_a, head_b):
    first = submission_submit(call=call, user=head_a, text="One.")
    second = submission_submit(call=call, user=head_b, text="Two.")
    assert (first.number[-4:], second.number[-4:]) == ("0001", "0002")


def test_a_replacement_keeps_the_receipt_number_and_the_earlier_text_on_record(call, head_a):
    first = submission_submit(call=call, user=head_a, text="First thoughts.", file=pdf_upload())
    first_file = first.file.name
    replaced = submission_submit(call=call, user=head_a, text="Second thoughts.")

    assert replaced.pk == first.pk
    assert replaced.number == first.number
    assert replaced.replaced_at is not None
    assert replaced.submitted_at == first.submitted_at
    assert call.submissions.count() == 1
    texts = [h.text for h in replaced.history.order_by("history_date")]
    assert texts == ["First thoughts.", "Second thoughts."]
    # Without a new file the PDF sent earlier stays.
    assert replaced.file.name == first_file


def test_a_new_file_replaces_the_pdf_and_the_earlier_one_is_kept(call, head_a):
    first = submission_submit(call=call, user=head_a, text="One.", file=pdf_upload())
    old_name = first.file.name
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=300, height=300)
    writer.add_blank_page(width=300, height=300)
    out = BytesIO()
    writer.write(out)
    replaced = submission_submit(
        call=call, user=head_a, text="Two.", file=SimpleUploadedFile("b.pdf", out.getvalue())
    )
    assert replaced.file.name != old_name
    assert replaced.file.storage.exists(old_name)
    assert [h.file for h in replaced.history.order_by("history_date")][0] == old_name


def test_remove_file_drops_the_pdf_from_the_current_version(call, head_a):
    submission_submit(call=call, user=head_a, text="One.", file=pdf_upload())
    replaced = submission_submit(call=call, user=head_a, text="Two.", remove_file=True)
    assert not replaced.file


def test_a_png_renamed_pdf_is_refused(call, head_a):
    with pytest.raises(ValidationError) as refused:
        submission_submit(call=call, user=head_a, text="See file.", file=png_as_pdf())
    assert "file" in refused.value.message_dict
    assert not call.submissions.exists()


def test_a_file_that_only_starts_like_a_pdf_is_refused(call, head_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.pdf", b"%PDF-1.7\nnot really a pdf")
    with pytest.raises(ValidationError):
        submission_submit(call=call, user=head_a, text="See file.", file=fake)


def test_a_file_over_20_mb_is_refused(call, head_a, english):
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024))
    with pytest.raises(ValidationError) as refused:
        submission_submit(call=call, user=head_a, text="Big.", file=big)
    assert "20 MB" in str(refused.value.message_dict["file"])


@pytest.mark.parametrize("text", ["", "   ", "nul\x00byte", "x" * 20_001])
def test_text_is_plain_required_and_bounded(call, head_a, text):
    with pytest.raises(ValidationError):
        submission_submit(call=call, user=head_a, text=text)
