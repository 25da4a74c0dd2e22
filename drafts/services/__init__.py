"""The drafting's writes, one module per subject; everything is importable from here."""

from .adoption import (  # noqa: F401
    document_adopt,
    final_symbol_suggested,
    final_title_suggested,
    paragraphs_not_agreed,
    sponsorship_set,
    statement_record,
)
from .akn import draft_import_akn  # noqa: F401
from .editor import (  # noqa: F401
    clean_paragraph_texts,
    paragraph_add,
    paragraph_delete,
    paragraph_move,
    paragraph_update,
)
from .notifications import (  # noqa: F401
    adoption_notify_delegations,
    revision_notify_delegates,
    revision_notify_on_commit,
)
from .revisions import (  # noqa: F401
    DOCUMENT_TRANSITIONS,
    document_update_consultation,
    revision_create_first,
    revision_publish,
)
