"""Optimistic locking, the one way: an edit names the version it started from.

Every editor screen and API that changes shared text (paragraphs, comments, initiative
sections) reads the row locked, checks the version, and either writes (version + 1) or
raises EditConflict carrying the current row, so nothing anyone wrote is overwritten
unseen. The screens then show `conflict_form`: the editor's own words, now naming the current
version, so that saving again is a deliberate choice.
"""

from django.db.models import Model, QuerySet


class EditConflict(Exception):
    """Somebody saved the same object since it was read; nothing was overwritten."""

    def __init__(self, current):
        super().__init__(f"{current!r} was changed by somebody else")
        self.current = current


def locked_at_version(queryset: QuerySet, *, pk: int, version: int) -> Model:
    """The row, locked for this transaction, if it is still at `version`; else EditConflict.
    Call inside `transaction.atomic`."""
    # Only this table's row: PostgreSQL refuses FOR UPDATE on the nullable side of a join
    # that select_related may have added.
    current = queryset.select_for_update(of=("self",)).get(pk=pk)
    if current.version != version:
        raise EditConflict(current)
    return current


def conflict_form(form_class, data: dict, conflict: EditConflict, **kwargs):
    """The form to show after a conflict: what the editor typed, at the current version."""
    return form_class(initial={**data, "version": conflict.current.version}, **kwargs)
