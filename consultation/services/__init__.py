"""The consultation's writes, one module per subject; everything is importable from here."""

from .comments import (  # noqa: F401
    clean_comment_text,
    comment_answer,
    comment_create,
    comment_edit,
    comment_hide,
    comment_restore,
    comments_set_status,
)
from .positions import (  # noqa: F401
    POSITION_REASON_MAX_LENGTH,
    position_record,
)
