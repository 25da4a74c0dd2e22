"""Compare two revisions of a document: paragraphs are matched by their stable key."""

import difflib
from dataclasses import dataclass, field

from portal.diff import WordOp, word_diff

from .models import Paragraph


@dataclass
class ParagraphChange:
    change: str  # unchanged | changed | inserted | deleted
    key: str
    old: Paragraph | None
    new: Paragraph | None
    moved: bool = False
    renumbered: bool = False
    words: list[WordOp] = field(default_factory=list)

    @property
    def old_number(self):
        return getattr(self.old, "number", None)

    @property
    def new_number(self):
        return getattr(self.new, "number", None)


def _kept_in_order(old_keys: list[str], new_keys: list[str]) -> set[str]:
    """Keys that keep their relative order (a longest common subsequence); the rest moved."""
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    kept: set[str] = set()
    for block in matcher.get_matching_blocks():
        kept.update(old_keys[block.a : block.a + block.size])
    return kept


def compare_paragraphs(
    old: list[Paragraph], new: list[Paragraph], *, lang_attr: str = "text"
) -> list[ParagraphChange]:
    """Changes from `old` to `new`, in the order of the new revision, with each deleted
    paragraph placed after the paragraph that preceded it in the old revision."""
    old_by_key = {p.key: p for p in old}
    new_keys = [p.key for p in new]
    common_old = [p.key for p in old if p.key in set(new_keys)]
    common_new = [k for k in new_keys if k in old_by_key]
    kept = _kept_in_order(common_old, common_new)

    changes: list[ParagraphChange] = []
    for paragraph in new:
        before = old_by_key.get(paragraph.key)
        if before is None:
            changes.append(ParagraphChange("inserted", paragraph.key, None, paragraph))
            continue
        old_text, new_text = getattr(before, lang_attr), getattr(paragraph, lang_attr)
        changed = old_text != new_text or before.kind != paragraph.kind
        changes.append(
            ParagraphChange(
                "changed" if changed else "unchanged",
                paragraph.key,
                before,
                paragraph,
                moved=paragraph.key not in kept,
                renumbered=getattr(before, "number", None) != getattr(paragraph, "number", None),
                words=word_diff(old_text, new_text) if changed else [],
            )
        )

    new_key_set = set(new_keys)
    for index, paragraph in enumerate(old):
        if paragraph.key in new_key_set:
            continue
        deleted = ParagraphChange("deleted", paragraph.key, paragraph, None)
        anchor = next(
            (old[i].key for i in range(index - 1, -1, -1) if old[i].key in new_key_set), None
        )
        position = 0
        if anchor is not None:
            position = next(i for i, c in enumerate(changes) if c.key == anchor) + 1
        while position < len(changes) and changes[position].change == "deleted":
            position += 1
        changes.insert(position, deleted)
    return changes
