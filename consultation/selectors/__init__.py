"""The consultation's shared reads, one module per screen; everything is importable from here."""

from .dashboard import dashboard_for  # noqa: F401
from .history import EventChange, comment_event_changes  # noqa: F401
from .threads import reader_comments, threads_on  # noqa: F401
from .triage import (  # noqa: F401
    TRIAGE_FILTERS,
    comments_for_triage,
    position_matrix,
    triage_counts,
    triage_rows,
)
