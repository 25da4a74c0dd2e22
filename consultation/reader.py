"""What the consultation adds to drafts' reader of a revision, through the slots drafts offers
(drafts.rendering.READER_SLOT for its Python renderer, `{% hook %}`s in its template): each
paragraph's comment count, earlier comments and the delegation's position, the "N comments"
and "Comment on this paragraph" links with their panels (`?open=`, `?write=` bring one with
the page, for links to a comment and readers without JavaScript), the threads on the whole
document and the forms. Filled in ConsultationConfig.ready() (consultation/hooks.py)."""

from html import escape as esc

import rules
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from drafts.models import Paragraph, Revision
from drafts.rendering import ReaderAddition

from .forms import PositionForm
from .models import DOCUMENT_THREADS, Comment
from .rendering import ThreadRenderer
from .selectors import reader_comments


def thread_renderer(request, revision: Revision) -> ThreadRenderer:
    return ThreadRenderer(
        user=request.user,
        can_comment=rules.has_perm("consultation.comment_revision", request.user, revision),
        can_triage=request.user.has_perm("consultation.triage_comments"),
        reply_url=reverse("comment_create", args=[revision.document.slug, revision.number]),
    )


def paragraph_form_context(request, revision: Revision, paragraphs, membership) -> dict:
    """What consultation/_paragraph_form.html needs besides the paragraph."""
    return {
        "document": revision.document,
        "revision": revision,
        "can_comment": rules.has_perm("consultation.comment_revision", request.user, revision),
        "can_record_position": bool(paragraphs)
        and membership is not None
        and request.user.has_perm("consultation.record_position", paragraphs[0]),
        "comment_kinds": Comment.Kind.choices,
        "visibilities": Comment.Visibility.choices,
        "stances": PositionForm.base_fields["stance"].choices,
    }


class CommentsInReader(ReaderAddition):
    """The reader's comments and forms, in a constant number of queries for the page."""

    def __init__(self, request, revision: Revision, paragraphs: list[Paragraph], *, running_text):
        self.request = request
        self.document = revision.document
        comments = reader_comments(
            revision, paragraphs, request.user, open_key=request.GET.get("open", "")
        )
        self.threads = thread_renderer(request, revision)  # the same rules as fetched threads
        self.form_context = paragraph_form_context(
            request, revision, paragraphs, comments["membership"]
        )
        can_comment = self.form_context["can_comment"]
        can_record_position = self.form_context["can_record_position"]
        self.cite_url = (
            reverse("comment_create", args=[self.document.slug, revision.number])
            if can_comment
            else ""
        )
        self.can_write = can_comment or can_record_position
        self.write_key = request.GET.get("write", "")
        self.suffix = "&amp;view=text" if running_text else ""
        self.reader_urls: dict[int, str] = {}
        labels = {
            "write": _("Comment or record your position")
            if can_record_position
            else _("Comment on this paragraph"),
            "own_delegation": _("Your delegation"),
        }
        self.labels = {key: esc(str(value)) for key, value in labels.items()}
        document_threads = comments["document_threads"]
        self.context = {
            **comments,
            **self.form_context,
            "document_threads_html": mark_safe(
                self.panels(
                    DOCUMENT_THREADS,
                    comments["document_comment_count"],
                    None if document_threads is None else self.threads.thread(document_threads),
                    None,  # the form for the whole document is always on the page
                    anchor="document-comments",
                )
            ),
            "can_see_positions": request.user.has_perm("consultation.view_own_positions"),
            "can_triage": self.threads.can_triage,
        }

    def meta(self, paragraph: Paragraph) -> list[str]:
        parts = []
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
        return parts

    def actions(self, paragraph: Paragraph) -> str:
        threads_html = None
        if paragraph.threads is not None:
            threads_html = self.threads.thread(paragraph.threads)
        form_html = None
        if self.can_write and paragraph.kind != Paragraph.Kind.HEADING:
            form_html = ""
            if paragraph.key == self.write_key:
                form_html = render_to_string(
                    "consultation/_paragraph_form.html",
                    {**self.form_context, "paragraph": paragraph},
                    self.request,
                )
        return self.panels(
            paragraph.key,
            paragraph.comment_count,
            threads_html,
            form_html,
            anchor=esc(paragraph.code),
        )

    def panels(
        self, key: str, count: int, threads_html: str | None, form_html: str | None, *, anchor: str
    ) -> str:
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
            return ""
        return f'<p class="para-actions">{" ".join(links)}</p>{"".join(panels)}'

    def _toggle(self, param: str, key: str, anchor: str, opened: bool, text: str) -> str:
        expanded = ' aria-expanded="true"' if opened else ""
        href = f"?{param}={key}{self.suffix}#{anchor}"
        return f'<a class="js-panel" href="{href}"{expanded}>{text}</a>'

    def _reader_url(self, number: int) -> str:
        if number not in self.reader_urls:
            self.reader_urls[number] = esc(
                reverse("revision_detail", args=[self.document.slug, number])
            )
        return self.reader_urls[number]
