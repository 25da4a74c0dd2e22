"""The drafting's screens, one module per screen; urls.py reaches them all from here."""

from .comments import (  # noqa: F401
    comment_create,
    comment_detail,
    comment_edit,
    position_record,
)
from .editor import (  # noqa: F401
    document_settings,
    draft_editor,
    draft_start,
    paragraph_add,
    paragraph_delete,
    paragraph_edit,
    paragraph_move,
    revision_notify,
    revision_publish,
)
from .reader import (  # noqa: F401
    dashboard,
    document_detail,
    document_list,
    paragraph_form,
    paragraph_threads,
    revision_compare_view,
    revision_detail,
)
from .triage import (  # noqa: F401
    comment_answer,
    comment_bulk_status,
    comment_hide,
    comment_restore,
    comment_triage,
    compilation_download,
    position_matrix_view,
)
