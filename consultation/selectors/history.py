"""A comment's history, in people's words."""

from dataclasses import dataclass

from portal.diff import word_diff

from ..models import Comment


@dataclass
class EventChange:
    """One field of a comment event as the interface shows it: a value, or a word diff."""

    label: str
    value: str = ""
    words: list | None = None
    language: str = ""  # of the text, when known (marked with `lang`)


def comment_event_changes(event) -> list[EventChange]:
    """What an event changed, named as the forms name the fields, statuses by their label
    and changed text as a word diff, never the raw keys of the stored data."""
    labels = {
        "body": Comment._meta.get_field("body").verbose_name,
        "proposed_text": Comment._meta.get_field("proposed_text").verbose_name,
        "status": Comment._meta.get_field("status").verbose_name,
        "response": Comment._meta.get_field("response").verbose_name,
        "reason": Comment._meta.get_field("hidden_reason").verbose_name,
    }

    def shown(name, value) -> str:
        if name == "status" and value in Comment.Status.values:
            return str(Comment.Status(value).label)
        return str(value or "")

    comment = getattr(event, "comment", None)
    languages = {
        "body": getattr(comment, "language", ""),
        "proposed_text": getattr(comment, "language", ""),
        "response": getattr(comment, "response_language", ""),
    }
    data = event.data or {}
    before, after = data.get("before"), data.get("after")
    changes = []
    if isinstance(before, dict) and isinstance(after, dict):
        for name, new in after.items():
            old = before.get(name, "")
            if old == new:
                continue
            label = str(labels.get(name, name)).capitalize()
            if name == "status":
                changes.append(EventChange(label, f"{shown(name, old)} → {shown(name, new)}"))
            else:
                words = word_diff(str(old or ""), str(new or ""))
                changes.append(EventChange(label, words=words, language=languages.get(name, "")))
    else:
        for name, value in data.items():
            if value not in ("", None):
                label = str(labels.get(name, name)).capitalize()
                language = languages.get(name, "")
                changes.append(EventChange(label, shown(name, value), language=language))
    return changes
