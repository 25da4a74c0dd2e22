from django.utils import translation

from drafts.selectors import paragraphs_numbered
from pdfs.services import pdf_job_request
from tests.pdfs.pdftext import pdf_numbered_lines, reader_numbered_lines
from typesetting import lines


def test_long_text_is_cut_into_lines_within_the_measure():
    text = " ".join(["охрана трансграничных водных ресурсов"] * 20)

    broken = lines.break_lines(text)

    assert len(broken) > 3
    assert " ".join(broken) == text
    assert all(lines.metrics("regular").width(line) <= lines.MEASURE_EM for line in broken)
    # Greedy: the next word would not have fitted on the line.
    first_word_of_next = broken[1].split()[0]
    assert lines.metrics("regular").width(f"{broken[0]} {first_word_of_next}") > (
        lines.MEASURE_EM - lines.SLACK_EM
    )


def test_a_word_longer_than_the_line_is_cut():
    word = "Ә" * 200

    broken = lines.break_lines(word)

    assert "".join(broken) == word
    assert len(broken) > 1


def test_line_numbers_continue_across_the_revision(long_revision):
    with translation.override("en"):
        paragraphs = paragraphs_numbered(long_revision)

    numbers = [number for paragraph in paragraphs for number, _text in paragraph.lines]
    assert numbers == list(range(1, len(numbers) + 1))
    assert any(len(paragraph.lines) > 2 for paragraph in paragraphs)


def test_reader_and_pdf_show_the_same_numbered_lines(client, long_revision, on_commit):
    for language in ["ru", "en"]:
        page = client.get(f"/{language}{long_revision.get_absolute_url()[3:]}")
        reader_lines = reader_numbered_lines(page.content.decode())

        job = on_commit(pdf_job_request, revision=long_revision, language=language, user=None)
        pdf_lines = pdf_numbered_lines(job.file.read())

        assert job.pages > 1
        assert len(reader_lines) > 60
        assert pdf_lines == reader_lines


def test_operative_paragraphs_are_numbered_and_preambular_ones_are_not(long_revision, on_commit):
    job = on_commit(pdf_job_request, revision=long_revision, language="en", user=None)

    pdf_lines = pdf_numbered_lines(job.file.read())

    operative = [line.operative for line in pdf_lines if line.operative]
    assert operative == list(range(1, 21))
    preambular_first_lines = [line for line in pdf_lines if line.text.startswith("recognising")]
    assert len(preambular_first_lines) == 3
    assert all(line.operative is None for line in preambular_first_lines)


def test_bracketed_paragraphs_carry_their_brackets(long_revision, on_commit):
    job = on_commit(pdf_job_request, revision=long_revision, language="en", user=None)

    pdf_lines = pdf_numbered_lines(job.file.read())

    starts = [line.text for line in pdf_lines if line.text.startswith("[")]
    assert [text.split(":")[0] for text in starts] == ["[7", "[14", "[21"]
    assert sum(line.text.endswith("basin;]") for line in pdf_lines) == 3


def test_a_published_revision_is_broken_into_lines_once_when_it_is_published(
    published_revision, client
):
    from typesetting.lines import _break_lines

    _break_lines.cache_clear()
    client.get(published_revision.get_absolute_url())  # the reader, with its PDF block

    # Its lines were stored with it at publication (drafts.models.Edition), in both
    # languages; neither the reader nor the PDF block breaks a line again.
    info = _break_lines.cache_info()
    assert info.hits + info.misses == 0
    assert published_revision.editions.count() == 2


def test_an_edition_of_older_typesetting_settings_is_replaced_by_a_new_one_not_rewritten(
    published_revision, client, monkeypatch
):
    from typesetting import lines

    before = set(published_revision.editions.values_list("pk", "typesetting"))
    monkeypatch.setattr(lines, "version", lambda: "a-new-measure")

    client.get(published_revision.get_absolute_url())

    after = set(published_revision.editions.values_list("pk", "typesetting"))
    assert before < after
    assert {v for _pk, v in after - before} == {"a-new-measure"}


def test_the_fonts_that_define_the_lines_ship_with_the_project():
    from django.conf import settings

    from typesetting.lines import FONT_FILES, font_path

    for style in FONT_FILES:
        path = font_path(style)
        assert path.is_relative_to(settings.BASE_DIR / "static" / "fonts")
        assert "/usr/share" not in str(path)
    assert (settings.BASE_DIR / "static" / "fonts" / "liberation-serif" / "LICENSE").exists()


def test_a_missing_font_fails_the_start_up_check(monkeypatch, tmp_path):
    from summit.checks import fonts_ship_with_the_project
    from typesetting import lines

    assert fonts_ship_with_the_project(None) == []
    monkeypatch.setattr(lines, "FONT_DIR", tmp_path)
    errors = fonts_ship_with_the_project(None)
    assert [error.id for error in errors] == ["summit.E001"] * len(lines.FONT_FILES)
