"""A result's snippet: the words around the first matches, each matched word form marked.

Made in Python for both databases, with the stemmer the SQLite index uses (the Snowball
algorithms of PostgreSQL's configurations), so a result looks the same on either. Every
piece of the text is escaped; the only markup added is <mark>.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .backends import WORD, query_stems, stems

WORDS = 36  # about three lines of a result
BEFORE = 8  # words shown before the first match


def snippet(text: str, language: str, q: str, *, words: int = WORDS) -> SafeString:
    tokens = list(WORD.finditer(text))
    if not tokens:
        return escape(text[:200])
    terms = set(query_stems(q, language))
    stemmed = stems([token.group() for token in tokens], language)
    hits = [i for i, stem in enumerate(stemmed) if stem in terms]
    start = _best_window(hits, words)
    end = min(len(tokens), start + words)
    char_start = tokens[start].start() if start else 0
    char_end = tokens[end - 1].end() if end < len(tokens) else len(text)
    parts = ["… " if char_start else ""]
    position = char_start
    for i in range(start, end):
        token = tokens[i]
        parts.append(escape(text[position : token.start()]))
        word = escape(token.group())
        parts.append(f"<mark>{word}</mark>" if stemmed[i] in terms else word)
        position = token.end()
    parts.append(escape(text[position:char_end]))
    if char_end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts).strip())


def _best_window(hits: list[int], words: int) -> int:
    """Where the window of `words` words that holds the most matches starts (a little before
    its first match); 0 when nothing matched (the title did)."""
    best, best_count = 0, 0
    for i, hit in enumerate(hits):
        count = sum(1 for other in hits[i:] if other < hit - BEFORE + words)
        if count > best_count:
            best, best_count = max(0, hit - BEFORE), count
    return best
