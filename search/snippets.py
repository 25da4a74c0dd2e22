"""A result's snippet: the text around the first matches, each matched word form marked.

Made in Python for both databases, with the stemmer the SQLite index uses (the Snowball
algorithms of PostgreSQL's configurations), so a result looks the same on either. Every
piece of the text is escaped; the only markup added is <mark>.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .backends import query_stems, stems

WIDTH = 240  # characters shown, about three lines of a result
BEFORE = 60  # characters shown before the first match


def snippet(text: str, language: str, q: str, *, width: int = WIDTH) -> SafeString:
    hits = _matches(text, language, q)
    start = _best_start(hits, width)
    end = min(len(text), start + width)
    if start > 0:  # from the beginning of a word
        space = text.find(" ", start, hits[0][0] if hits else end)
        start = space + 1 if space >= 0 else start
    if end < len(text):  # to the end of a word
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["… " if start else ""]
    position = start
    for first, last in hits:
        if first < start or last > end:
            continue
        parts += [escape(text[position:first]), f"<mark>{escape(text[first:last])}</mark>"]
        position = last
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts).strip())


def _matches(text: str, language: str, q: str) -> list[tuple[int, int]]:
    """Where the words of `text` whose stem is one of the query's stand. Only the words that
    begin like a query stem are stemmed (a register document has thousands of words): a
    Snowball stem begins with its word's first letters, ё written as е."""
    terms = set(query_stems(q, language))
    if not terms:
        return []
    prefixes = sorted({term[:3] for term in terms})
    alternatives = "|".join(re.escape(prefix).replace("е", "[её]") for prefix in prefixes)
    candidates = list(re.finditer(rf"(?<!\w)(?:{alternatives})\w*", text, re.IGNORECASE))
    stemmed = stems([match.group() for match in candidates], language)
    return [
        (match.start(), match.end())
        for match, stem in zip(candidates, stemmed, strict=True)
        if stem in terms
    ]


def _best_start(hits: list[tuple[int, int]], width: int) -> int:
    """Where the window of `width` characters that holds the most matches starts (a little
    before its first match); 0 when nothing matched (the title did)."""
    best, best_count = 0, 0
    for i, (first, _last) in enumerate(hits):
        start = max(0, first - BEFORE)
        count = sum(1 for other, _end in hits[i:] if other < start + width)
        if count > best_count:
            best, best_count = start, count
    return best
