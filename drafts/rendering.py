"""The reader's paragraphs, rendered in Python (and, in consultation/rendering.py, the
comment threads, for the same reason).

A revision may carry hundreds of paragraphs and thousands of comments. Rendered through
template includes, each paragraph cost about half a millisecond and each comment about one
(the template engine resolves every variable, tag and filter node by node), so the reader of
a 200-paragraph revision took 4× as long as a 20-paragraph one, and one with 5,000 comments
seconds. The same markup built here costs a few tens of microseconds per paragraph or
comment. Every value that comes from a user or the database goes through `esc` (the standard
library's html.escape, quotes included), so user text stays inert exactly as in a template;
Django's own escape() is avoided only because its lazy-string wrapper is most of its cost.
"""

from html import escape as esc

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Paragraph


def paragraph_html(paragraph: Paragraph, cite_url: str = "") -> SafeString:
    """One paragraph as the reader, the comment page and the adopted text show it: the lines
    of typesetting/lines.py with their numbers, as the PDF prints them (or the running text
    when it has no `lines`). With `cite_url`, a line number starts a comment citing it."""
    key = esc(paragraph.key)
    heading = paragraph.kind == Paragraph.Kind.HEADING
    bracketed = paragraph.negotiation == Paragraph.Negotiation.BRACKETED
    number = f'<span class="num">{paragraph.number}.</span>' if paragraph.number else ""
    if not paragraph.lines:
        if heading:
            return mark_safe(f'<h2 id="p-{key}" class="para heading">{esc(paragraph.text)}</h2>')
        text = f"[{esc(paragraph.text)}]" if bracketed else esc(paragraph.text)
        number = f"{number} " if number else ""
        return mark_safe(f'<p id="p-{key}" class="para {paragraph.kind}">{number}{text}</p>')
    cite = f"{esc(cite_url)}?paragraph={key}&amp;line_first=" if cite_url else ""
    lines = []
    for line, text in paragraph.lines:
        if cite:
            ln = f'<a class="ln" href="{cite}{line}" tabindex="-1" aria-hidden="true">{line}</a>'
        else:
            ln = f'<span class="ln" aria-hidden="true">{line}</span>'
        lines.append(
            f'<span class="line" id="l{line}" data-line="{line}">{ln}{number}'
            f'<span class="lt">{esc(text)}</span></span>'
        )
        number = ""  # only on the first line
    body = "".join(lines)
    if heading:
        return mark_safe(f'<h2 id="p-{key}" class="para heading lined">{body}</h2>')
    classes = f"para {paragraph.kind} lined" + (" bracketed" if bracketed else "")
    return mark_safe(f'<p id="p-{key}" class="{classes}">{body}</p>')


class ReaderAddition:
    """What an app above drafts adds to the reader (slot READER_SLOT, portal/hooks.py): its
    filler, called with the request, the revision, its numbered paragraphs and whether the
    page shows running text, annotates the paragraphs in a constant number of queries and
    returns one of these. Drafts knows nothing of what it adds."""

    #: Merged into the page's template context, for the template's own slots.
    context: dict = {}
    #: Where a click on a line number leads (the paragraph's key and the line appended).
    cite_url: str = ""

    def meta(self, paragraph: Paragraph) -> list[str]:
        """Items (HTML) of the line under the paragraph's text, after its negotiation status."""
        return []

    def actions(self, paragraph: Paragraph) -> str:
        """HTML after that line: links and panels."""
        return ""


# The one slot the reader's Python renderer offers (the template's own are `{% hook %}`s).
READER_SLOT = "revision.reader"


class ReaderRenderer:
    """The reader's paragraph sections: the text, what is known about the paragraph (its
    negotiation status, and what the apps above add: earlier comments, the delegation's
    position) and the additions' actions (comments, forms)."""

    def __init__(self, *, additions: list[ReaderAddition]):
        self.additions = additions
        self.cite_url = next((a.cite_url for a in additions if a.cite_url), "")
        self.negotiations = {k: esc(str(v)) for k, v in Paragraph.Negotiation.choices}

    def section(self, paragraph: Paragraph) -> str:
        code = esc(paragraph.code)
        if paragraph.number:
            label = _("Operative paragraph %(n)s") % {"n": paragraph.number}
        else:
            label = _("Paragraph %(label)s") % {"label": paragraph.label}
        return (
            f'<section class="para-block" id="{code}" data-paragraph="{code}"'
            f' aria-label="{esc(label)}">'
            + paragraph_html(paragraph, self.cite_url)
            + self._meta(paragraph)
            + "".join(addition.actions(paragraph) for addition in self.additions)
            + "</section>"
        )

    def _meta(self, paragraph: Paragraph) -> str:
        parts = []
        if paragraph.negotiation != Paragraph.Negotiation.PROPOSED:
            badge = self.negotiations[paragraph.negotiation]
            if paragraph.bracketed_by_id:
                requested = _("at the request of %(d)s") % {"d": paragraph.bracketed_by}
                badge += f" — {esc(requested)}"
            parts.append(f'<span class="badge">{badge}</span>')
        for addition in self.additions:
            parts += addition.meta(paragraph)
        if not parts:
            return ""
        return '<p class="para-meta">{}</p>'.format("\n".join(parts))
