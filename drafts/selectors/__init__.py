"""drafts' shared reads, one module per screen: documents (lists, who reads which revision),
reader (a revision numbered and broken into lines, the compare view), labels (paragraphs by
their labels). Importers use this package."""

from .documents import (  # noqa: F401
    documents_public,
    documents_readable_by,
    revision_latest_published,
    revisions_readable_by,
)
from .labels import paragraphs_labelled, paragraphs_with_label, parse_label  # noqa: F401
from .reader import (  # noqa: F401
    paragraph_line_span,
    paragraphs_data,
    paragraphs_numbered,
    revision_compare,
)
