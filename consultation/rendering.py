"""The comment threads, rendered in Python: a revision may carry thousands of comments, and
through template includes each cost about a millisecond (see drafts/rendering.py, whose
reasons and rules apply here: every value from a user or the database goes through `esc`)."""

from html import escape as esc

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.diff import WordOp

from .models import Comment


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
            f'<div class="comment-body" lang="{comment.language}">{_paragraphs(comment.body)}</div>',
        ]
        if comment.diff:
            parts.append(
                f'<p class="diff" aria-label="{labels["diff"]}" lang="{comment.language}">'
                f"{_diff_html(comment.diff)}</p>"
            )
        elif comment.proposed_text:
            label = labels["addition" if comment.kind == Comment.Kind.ADDITION else "proposed"]
            parts.append(
                f'<p class="proposed"><strong>{label}:</strong>'
                f' <span lang="{comment.language}">{esc(comment.proposed_text)}</span></p>'
            )
        if comment.status != Comment.Status.OPEN or comment.response:
            lang = f' lang="{comment.response_language}"' if comment.response_language else ""
            response = f" — <span{lang}>{esc(comment.response)}</span>" if comment.response else ""
            parts.append(
                f'<p class="response"><strong>{labels["secretariat"]}: '
                f"{self.statuses.get(comment.status, '')}</strong>{response}</p>"
            )
        actions = []
        if comment.author_id == self.user.pk and self.user.has_perm(
            "consultation.change_comment", comment
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
