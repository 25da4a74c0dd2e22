"""The drafting's screens, one module per screen; urls.py reaches them all from here."""

from .adoption import (  # noqa: F401
    document_adopt,
    document_adopted,
    document_history_view,
    sponsorship_set,
    statement_edit,
)
from .editor import (  # noqa: F401
    document_settings,
    draft_editor,
    draft_import,
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
    revision_akn_download,
    revision_compare_view,
    revision_detail,
)
