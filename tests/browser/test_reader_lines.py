"""A numbered line of the reader is one line on the screen, holding the words of the PDF line
with the same number, on a phone and on a laptop, in each language edition (issue #14)."""

import pytest
from django.utils import translation

from drafts.services import revision_publish
from pdfs import documents
from tests.pdfs.conftest import make_long_revision
from tests.pdfs.pdftext import Line, pdf_numbered_lines
from typesetting.pdf import render_pdf

pytestmark = pytest.mark.browser

# Each [data-line] element as the browser lays it out: its number, the operative number
# drawn before its text, its words, how many boxes its text takes, and whether it ends
# inside the column.
SCREEN_LINES = """() => {
  const column = document.querySelector("article.document").getBoundingClientRect();
  return [...document.querySelectorAll("article.document [data-line]")].map((line) => {
    const text = line.querySelector(".lt");
    const boxes = [...text.getClientRects()];
    const num = line.querySelector(".num");
    return {
      number: Number(line.dataset.line),
      operative: num ? Number(num.textContent.replace(".", "")) : null,
      text: text.textContent.split(/\\s+/).filter(Boolean).join(" "),
      boxes: boxes.length,
      right: Math.max(...boxes.map((box) => box.right)),
      column: column.right,
      paragraph: line.closest("[data-paragraph]").dataset.paragraph,
    };
  });
}"""


@pytest.fixture
def long_published(live_server, secretariat):
    return revision_publish(revision=make_long_revision(), user=secretariat)


def pdf_lines(revision, language: str) -> list[Line]:
    with translation.override(language):
        html = documents.revision_html(documents.revision_context(revision, language))
    return pdf_numbered_lines(render_pdf(html).content)


# On a laptop the numbered lines are line for line by default; on a phone only when the reader
# asks for it (issue #27: by default a phone reflows them at a readable size).
@pytest.mark.parametrize("width,height,query", [(390, 844, "?view=lines"), (1366, 768, "")])
def test_every_numbered_line_is_one_screen_line_with_the_words_of_the_pdf_line(
    browser, live_server, long_published, shot, width, height, query
):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for language in ("ru", "en"):
        page.goto(f"{live_server.url}/{language}{long_published.get_absolute_url()[3:]}{query}")
        page.evaluate("document.fonts.ready")
        screen = page.evaluate(SCREEN_LINES)

        assert len(screen) > 60
        assert all(line["boxes"] == 1 for line in screen)
        assert all(line["right"] <= line["column"] + 0.5 for line in screen), [
            line["number"] for line in screen if line["right"] > line["column"] + 0.5
        ]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert [Line(line["number"], line["operative"], line["text"]) for line in screen] == (
            pdf_lines(long_published, language)
        )
        assert {line["paragraph"] for line in screen} >= {"H1", "PP1", "OP1", "OP20"}
        shot(page, f"reader-lines-{language}-{width}")
    context.close()


def test_running_text_reflows_without_line_numbers(browser, live_server, long_published, shot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/en{long_published.get_absolute_url()[3:]}")
    page.get_by_role("link", name="Read as running text").click()
    page.wait_for_url("**?view=text")

    assert page.locator("[data-line]").count() == 0
    assert page.locator("article.document [data-paragraph=OP3]").inner_text().startswith("3. ")
    font_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('p.operative')).fontSize)"
    )
    assert font_size >= 16
    shot(page, "reader-running-text-390")
    page.get_by_role("link", name="Show the numbered lines, as in the PDF").click()
    assert page.locator("[data-line]").count() > 60
    context.close()


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)])
def test_switching_the_edition_keeps_the_paragraph_in_view(
    browser, live_server, long_published, shot, width, height
):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{live_server.url}/ru{long_published.get_absolute_url()[3:]}")
    page.evaluate("document.getElementById('OP12').scrollIntoView()")
    bar = page.get_by_role("navigation", name="Чтение")
    assert bar.is_visible()  # it stays at the top while reading

    bar.get_by_role("link", name="English").click()
    page.wait_for_url(lambda url: "/en/" in url and url.endswith("#OP12"))

    box = page.locator("#OP12").bounding_box()
    assert 0 <= box["y"] < height / 2
    assert page.locator("#OP12 [data-line]").first.is_visible()
    shot(page, f"reader-switched-to-en-{width}")

    bar = page.get_by_role("navigation", name="Reading")
    bar.get_by_role("link", name="Read as running text").click()
    page.wait_for_url(lambda url: url.endswith("?view=text#OP12"))
    assert 0 <= page.locator("#OP12").bounding_box()["y"] < height / 2
    context.close()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_on_a_phone_the_numbered_lines_reflow_like_a_book_and_keep_the_pdf_numbers(
    browser, live_server, long_published, shot, language
):
    """Issue #27: at 390 px the body text is at least 16 px and reflowed, nothing is wider
    than the screen, and each PDF line's number marks where its words begin, a tap target
    of at least 24 × 24 px."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}{long_published.get_absolute_url()[3:]}")
    page.evaluate("document.fonts.ready")
    screen = page.evaluate(SCREEN_LINES)

    sizes = page.evaluate(
        """() => [...document.querySelectorAll("article.document .lt")].map(
            (t) => parseFloat(getComputedStyle(t).fontSize))"""
    )
    assert min(sizes) >= 16
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert all(line["right"] <= line["column"] + 0.5 for line in screen)
    assert any(line["boxes"] > 1 for line in screen)  # reflowed: a PDF line may wrap
    assert [Line(line["number"], line["operative"], line["text"]) for line in screen] == (
        pdf_lines(long_published, language)
    )
    markers = page.evaluate(
        """() => [...document.querySelectorAll("article.document [data-line]")].map((line) => {
            const ln = line.querySelector(".ln").getBoundingClientRect();
            const first = line.querySelector(".lt").getClientRects()[0];
            return {number: Number(line.querySelector(".ln").textContent),
                    line: Number(line.dataset.line), width: ln.width, height: ln.height,
                    before: ln.right <= first.left + 0.5 || ln.top >= first.bottom - 1,
                    sameRow: Math.abs((ln.top + ln.bottom) / 2 - (first.top + first.bottom) / 2) < 12};
        })"""
    )
    assert all(m["number"] == m["line"] for m in markers)
    assert all(m["width"] >= 24 and m["height"] >= 24 for m in markers)
    # Where the marker sits on the row where the line's words begin, it comes before them.
    assert all(m["before"] for m in markers if m["sameRow"])
    shot(page, f"reader-reflowed-{language}-390")

    switch = "Построчно, как в PDF" if language == "ru" else "Line for line, as in the PDF"
    page.get_by_role("link", name=switch).click()
    page.wait_for_url("**?view=lines*")
    assert page.evaluate(SCREEN_LINES)[0]["boxes"] == 1
    context.close()
