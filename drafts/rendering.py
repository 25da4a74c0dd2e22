"""The reader's paragraphs and comment threads, rendered in Python.

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

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from portal.diff import WordOp

from .models import Comment, Paragraph


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


class ReaderRenderer:
    """The reader's paragraph sections: the text, what is known about the paragraph (its
    negotiation status, earlier comments, the delegation's position), and two actions: its
    comments (only their count comes with the page) and its forms."""

    def __init__(
        self,
        *,
        document,
        cite_url: str,
        can_write: bool,
        can_record_position: bool,
        running_text: bool,
    ):
        self.document = document
        self.cite_url = cite_url
        self.can_write = can_write
        self.suffix = "&amp;view=text" if running_text else ""
        self.reader_urls: dict[int, str] = {}
        labels = {
            "write": _("Comment or record your position")
            if can_record_position
            else _("Comment on this paragraph"),
            "own_delegation": _("Your delegation"),
        }
        self.labels = {key: esc(str(value)) for key, value in labels.items()}
        self.negotiations = {k: esc(str(v)) for k, v in Paragraph.Negotiation.choices}

    def section(self, paragraph: Paragraph, *, form_html: str = "") -> str:
        code = esc(paragraph.code)
        if paragraph.number:
            label = _("Operative paragraph %(n)s") % {"n": paragraph.number}
        else:
            label = _("Paragraph %(label)s") % {"label": paragraph.label}
        writable = self.can_write and paragraph.kind != Paragraph.Kind.HEADING
        return (
            f'<section class="para-block" id="{code}" data-paragraph="{code}"'
            f' aria-label="{esc(label)}">'
            + paragraph_html(paragraph, self.cite_url)
            + self._meta(paragraph)
            + self.actions(
                paragraph.key,
                paragraph.comment_count,
                paragraph.threads_html,
                form_html if writable else None,
                anchor=code,
            )
            + "</section>"
        )

    def actions(
        self, key: str, count: int, threads_html: str | None, form_html: str | None, *, anchor: str
    ) -> SafeString:
        """The comments of a paragraph (or the whole document's, key DOCUMENT_THREADS) under
        their count, and its forms (`form_html` None: none for this reader). The page carries
        two links; drafts.js opens each as a panel, fetched when first opened. Without
        JavaScript a link reloads the page with that panel in place (?open=, ?write=) and
        lands on `anchor`, as links to a comment do. A panel given here (`threads_html`,
        `form_html`) is open. Every byte here is repeated for each of hundreds of paragraphs,
        hence no attribute that drafts.js can add (role, aria-expanded="false")."""
        key = esc(key)
        links, panels = [], []
        if count:
            opened = threads_html is not None
            summary = esc(ngettext("%(n)s comment", "%(n)s comments", count) % {"n": count})
            links.append(self._toggle("open", key, anchor, opened, summary))
            if opened:
                panels.append(f'<div class="panel" id="threads-{key}">{threads_html}</div>')
        if form_html is not None:
            links.append(self._toggle("write", key, anchor, bool(form_html), self.labels["write"]))
            if form_html:
                panels.append(f'<div class="panel" id="act-{key}">{form_html}</div>')
        if not links:
            return mark_safe("")
        return mark_safe(f'<p class="para-actions">{" ".join(links)}</p>{"".join(panels)}')

    def _toggle(self, param: str, key: str, anchor: str, opened: bool, text: str) -> str:
        expanded = ' aria-expanded="true"' if opened else ""
        href = f"?{param}={key}{self.suffix}#{anchor}"
        return f'<a class="js-panel" href="{href}"{expanded}>{text}</a>'

    def _meta(self, paragraph: Paragraph) -> str:
        parts = []
        if paragraph.negotiation != Paragraph.Negotiation.PROPOSED:
            badge = self.negotiations[paragraph.negotiation]
            if paragraph.bracketed_by_id:
                requested = _("at the request of %(d)s") % {"d": paragraph.bracketed_by}
                badge += f" — {esc(requested)}"
            parts.append(f'<span class="badge">{badge}</span>')
        for earlier in paragraph.earlier:
            number, count = earlier["number"], earlier["count"]
            text = ngettext("%(n)s comment on Rev.%(r)s", "%(n)s comments on Rev.%(r)s", count) % {
                "n": count,
                "r": number,
            }
            parts.append(
                f'<a href="{self._reader_url(number)}#p-{esc(paragraph.key)}">{esc(text)}</a>'
            )
        position = paragraph.own_position
        if position is not None:
            reason = f" — {esc(position.reason)}" if position.reason else ""
            parts.append(
                f'<span class="position position-{esc(position.stance)}">'
                f"{self.labels['own_delegation']}: {esc(position.get_stance_display())}"
                f"{reason}</span>"
            )
        if not parts:
            return ""
        return '<p class="para-meta">{}</p>'.format("\n".join(parts))

    def _reader_url(self, number: int) -> str:
        if number not in self.reader_urls:
            self.reader_urls[number] = esc(
                reverse("revision_detail", args=[self.document.slug, number])
            )
        return self.reader_urls[number]


def _diff_html(words: list[WordOp]) -> str:
    tags = {"insert": "<ins>{}</ins>", "delete": "<del>{}</del>", "equal": "{}"}
    return "".join(tags[w.op].format(esc(w.text)) for w in words)


def _paragraphs(text: str) -> str:
    """Like the linebreaks filter: blank lines separate paragraphs, a newline is a <br>."""
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join("<p>{}</p>".format(esc(b.strip("\n")).replace("\n", "<br>")) for b in blocks)


class ThreadRenderer:
    """Renders comments for one reader page; what depends on the reader is computed once."""

    def __init__(self, *, user, can_comment: bool, can_triage: bool, reply_url: str):
        self.user = user
        self.can_comment = can_comment
        self.can_triage = can_triage
        self.reply_url = esc(reply_url)
        labels = {
            "secretariat": _("Secretariat"),
            "secretariat_only": _("visible to the secretariat only"),
            "hidden": _("hidden"),
            "proposed": _("Proposed text"),
            "addition": _("New paragraph, after this one"),
            "diff": _("Proposed text, changes marked"),
            "edit": _("Edit"),
            "reply": _("Reply"),
            "history": _("History and answer"),
        }
        self.labels = {key: esc(str(value)) for key, value in labels.items()}
        # reverse() once per page, not once per comment.
        self.edit_url = esc(reverse("comment_edit", args=[0])).replace("/0/", "/{}/")
        self.detail_url = esc(reverse("comment_detail", args=[0])).replace("/0/", "/{}/")
        self.kinds = {k: esc(str(v)) for k, v in Comment.Kind.choices}
        self.statuses = {k: esc(str(v)) for k, v in Comment.Status.choices}
        self._names: dict = {}

    def _name(self, obj) -> str:
        # Authors and delegations repeat on every page: escape each once.
        key = (type(obj), obj.pk)
        if key not in self._names:
            self._names[key] = esc(str(obj))
        return self._names[key]

    def _delegation_link(self, delegation) -> str:
        key = ("link", delegation.pk)
        if key not in self._names:
            self._names[key] = (
                f'<a href="{delegation.get_absolute_url()}">{self._name(delegation)}</a>'
            )
        return self._names[key]

    def thread(self, comments: list[Comment]) -> SafeString:
        if not comments:
            return mark_safe("")
        return mark_safe(
            '<ul class="threads">{}</ul>'.format("".join(self.comment(c) for c in comments))
        )

    def _cited_lines(self, comment: Comment) -> str:
        if not comment.line_first:
            return ""
        cited = esc(comment.cited_lines)
        # The numbers are those of one edition: they point at lines only on its page.
        if comment.cited_language == get_language():
            return f' · <a href="#l{comment.line_first}" class="cited-lines">{cited}</a>'
        return f' · <span class="cited-lines">{cited}</span>'

    def comment(self, comment: Comment) -> str:
        labels = self.labels
        created = localtime(comment.created_at)
        delegation = (
            self._delegation_link(comment.delegation)
            if comment.delegation_id
            else labels["secretariat"]
        )
        meta = (
            f"<strong>{self._name(comment.author)}</strong> — {delegation}"
            f" · {self.kinds.get(comment.kind, '')}"
            + self._cited_lines(comment)
            + f' · <time datetime="{created.isoformat()}">{created:%d.%m.%Y %H:%M}</time>'
        )
        if comment.visibility == Comment.Visibility.SECRETARIAT:
            meta += f" · <em>{labels['secretariat_only']}</em>"
        if comment.hidden_at:
            meta += f" · <em>{labels['hidden']}: {esc(comment.hidden_reason)}</em>"
        parts = [
            f'<p class="comment-meta">{meta}</p>',
            f'<div class="comment-body">{_paragraphs(comment.body)}</div>',
        ]
        if comment.diff:
            parts.append(
                f'<p class="diff" aria-label="{labels["diff"]}">{_diff_html(comment.diff)}</p>'
            )
        elif comment.proposed_text:
            label = labels["addition" if comment.kind == Comment.Kind.ADDITION else "proposed"]
            parts.append(
                f'<p class="proposed"><strong>{label}:</strong> {esc(comment.proposed_text)}</p>'
            )
        if comment.status != Comment.Status.OPEN or comment.response:
            response = f" — {esc(comment.response)}" if comment.response else ""
            parts.append(
                f'<p class="response"><strong>{labels["secretariat"]}: '
                f"{self.statuses.get(comment.status, '')}</strong>{response}</p>"
            )
        actions = []
        if comment.author_id == self.user.pk and self.user.has_perm(
            "drafts.change_comment", comment
        ):
            actions.append(f'<a href="{self.edit_url.format(comment.pk)}">{labels["edit"]}</a>')
        if self.can_comment and not comment.parent_id:
            actions.append(f'<a href="{self.reply_url}?parent={comment.pk}">{labels["reply"]}</a>')
        if self.can_triage:
            actions.append(
                f'<a href="{self.detail_url.format(comment.pk)}">{labels["history"]}</a>'
            )
        if actions:
            parts.append(f'<p class="comment-actions">{" ".join(actions)}</p>')
        if comment.thread_replies:
            replies = "".join(self.comment(reply) for reply in comment.thread_replies)
            parts.append(f'<ul class="replies">{replies}</ul>')
        hidden = " is-hidden" if comment.hidden_at else ""
        return f'<li id="c-{comment.pk}" class="comment{hidden}">{"".join(parts)}</li>'
