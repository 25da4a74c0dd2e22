"""The one way the portal sends work to Celery: after the transaction commits.

A task sent before its transaction commits may run before the rows it needs exist, and a
task sent for a write that is then rolled back acts on nothing; so every app sends through
`after_commit`. It is robust: a broker outage is logged and does not turn a write that did
commit into an error page. What must not be lost keeps its own outbox to try again (a PDF
job stays `pending` for the beat; a revision without `notified_at` offers "notify again").
"""

from collections.abc import Callable

from django.db import transaction


def after_commit(function: Callable, /, *args, **kwargs) -> None:
    """Call `function(*args, **kwargs)` once the current transaction commits (at once outside
    one), never for a rolled-back one; `function` is typically a task's `.delay`."""

    def call() -> None:
        function(*args, **kwargs)

    # Named after what it calls: Django logs a robust callback's failure by this name.
    call.__qualname__ = getattr(function, "__qualname__", repr(function))
    transaction.on_commit(call, robust=True)
