"""The drafting's writes, one module per subject; everything is importable from here."""

from .editor import (  # noqa: F401
    clean_paragraph_texts,
    paragraph_add,
    paragraph_delete,
    paragraph_move,
    paragraph_update,
)
from .notifications import (  # noqa: F401
    revision_announce,
    revision_notify_on_commit,
)
from .revisions import (  # noqa: F401
    DOCUMENT_TRANSITIONS,
    document_update_consultation,
    revision_create_first,
    revision_publish,
)
