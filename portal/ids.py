"""Ids from the outside world (paths, forms, query strings) are bounded before a query sees
them: past 2**63 - 1 the database driver overflows, and that must be a "no such thing", not
a 500."""

import re

MAX_ID = 2**63 - 1
# A path segment that holds an id: at most 18 digits always fits MAX_ID.
ID_PATH = r"[0-9]{1,18}"
_ID = re.compile(ID_PATH)


def parse_id(text: str | None) -> int | None:
    """The id written in `text` (ASCII digits only), or None when it is not one."""
    if text is None or not _ID.fullmatch(text):
        return None
    value = int(text)
    return value if value >= 1 else None


class IdConverter:
    """`<id:pk>` in URL patterns: like `<int:pk>`, bounded so that a query never overflows."""

    regex = ID_PATH

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
