"""The consultation's screens, one module per screen; urls.py reaches them all from here."""

from .comments import (  # noqa: F401
    comment_create,
    comment_detail,
    comment_edit,
    position_record,
)
from .reader import dashboard, paragraph_form, paragraph_threads  # noqa: F401
from .triage import (  # noqa: F401
    comment_answer,
    comment_bulk_status,
    comment_hide,
    comment_restore,
    comment_triage,
    compilation_download,
    position_matrix_view,
)
