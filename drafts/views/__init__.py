"""The drafting's screens, one module per screen; urls.py reaches them all from here."""

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
    document_detail,
    document_list,
    revision_compare_view,
    revision_detail,
)
