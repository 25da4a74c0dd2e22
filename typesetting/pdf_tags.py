"""Tagged PDFs whose decorations are artifacts: what `aria-hidden="true"` means on the web.

WeasyPrint's PDF/UA variant tags every piece of text as content and marks only backgrounds
and borders as /Artifact, so a screen reader (or a copy of the text) would read the line
numbers between the words of a paragraph, the running heads and the "DRAFT" watermark. Here
text inside an element marked `aria-hidden="true"` is drawn in an /Artifact marked-content
sequence instead, with no structure element: the tagged text reads straight through, and the
numbers stay on the page (and in the content stream) as before. Everything in the page
margins (running heads, page numbers) is pagination, an artifact too; WeasyPrint left it
outside the tree but marked as content.

This adapts two internals of WeasyPrint (`Stream.marked`, `tags._build_box_tree`), checked
against the version pinned in requirements.txt: `install()` refuses another one, and
tests/pdfs/test_tagged.py reads the result back.
"""

from contextlib import contextmanager

import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import stream as _stream
from weasyprint.pdf import tags as _tags

SUPPORTED_VERSIONS = ("70.",)


def is_decoration(box) -> bool:
    """Text of an aria-hidden element, or text with no element at all: what @page's margin
    boxes generate (the page numbers); pagination is an artifact in PDF/UA's terms."""
    if isinstance(box, boxes.MarginBox):
        return True
    element = getattr(box, "element", None)
    if element is None:
        return isinstance(box, boxes.TextBox)
    return element.get("aria-hidden") == "true"


def install() -> None:
    if getattr(_tags, "_portal_artifacts", False):
        return
    if not weasyprint.__version__.startswith(SUPPORTED_VERSIONS):
        raise RuntimeError(
            f"typesetting.pdf_tags adapts WeasyPrint {SUPPORTED_VERSIONS}, "
            f"not {weasyprint.__version__}: check Stream.marked and tags._build_box_tree"
        )
    marked = _stream.Stream.marked
    build_box_tree = _tags._build_box_tree

    @contextmanager
    def marked_or_artifact(self, box, tag):
        if is_decoration(box):
            with self.artifact():
                yield
        else:
            with marked(self, box, tag):
                yield

    def build_without_decorations(box, *args, **kwargs):
        if is_decoration(box):
            return
        yield from build_box_tree(box, *args, **kwargs)

    _stream.Stream.marked = marked_or_artifact
    _tags._build_box_tree = build_without_decorations
    _tags._portal_artifacts = True
