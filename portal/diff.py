"""Word-level differences between two texts (paragraphs, comments, initiative sections)."""

import difflib
import re
from dataclasses import dataclass

_TOKENS = re.compile(r"\w+|[^\w\s]+|\s+", re.UNICODE)


@dataclass
class WordOp:
    op: str  # equal | insert | delete
    text: str


def word_diff(old: str, new: str) -> list[WordOp]:
    """A word-level diff; runs of the same operation are merged so the result reads well."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    ops: list[WordOp] = []

    def push(op: str, text: str) -> None:
        if not text:
            return
        if ops and ops[-1].op == op:
            ops[-1].text += text
        else:
            ops.append(WordOp(op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            push("equal", "".join(a[i1:i2]))
        else:
            push("delete", "".join(a[i1:i2]))
            push("insert", "".join(b[j1:j2]))
    return ops
