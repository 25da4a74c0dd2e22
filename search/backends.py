"""The full-text index, the one place that knows which database holds it.

Both backends find the word forms of each language, and the same ones:

- PostgreSQL (production): a `vector` tsvector column on search_entry, made with the
  language's text search configuration (`russian`, `english`: portal.textsearch.search_configuration)
  from the title (weight A) and the text (weight B), under a GIN index; a query is
  `plainto_tsquery` in the same configuration, ranked by `ts_rank`.
- SQLite (the embedded default): an FTS5 table, search_entry_fts, whose rowid is the
  entry's id and whose columns hold the title's and the text's words already stemmed in
  Python by the Snowball stemmer of the same name (the algorithms PostgreSQL's
  configurations use); a query's words are stemmed alike and must all occur, ranked by bm25.

So "деградация" finds "деградацией" and "restore" finds "restoration" on either. The one
difference: PostgreSQL drops its stop words ("the", "и") from a query, SQLite looks for
them like any word.

Everything else (who may read what, the kind, the meeting, paging) is an ordinary filter of
the ORM on search_entry, the same on both (search/selectors.py).
"""

import re
from functools import cache

import snowballstemmer
from django.db import connection
from django.db.models import QuerySet

from portal.textsearch import search_configuration

TABLE = "search_entry"
FTS_TABLE = "search_entry_fts"
# Words as both sides cut them: letters and digits (Python's \w, Unicode-aware).
WORD = re.compile(r"\w+")
# What a title weighs against the text in the ranking.
TITLE_WEIGHT = 4.0


@cache
def _stemmer(language: str):
    algorithm = search_configuration(language)
    if algorithm in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(algorithm)
    return None  # "simple": words as they are, lower-cased


def stems(words: list[str], language: str) -> list[str]:
    """The Snowball stems of `words` in `language` (lower-cased first, as PostgreSQL does)."""
    lowered = [word.lower() for word in words]
    stemmer = _stemmer(language)
    return stemmer.stemWords(lowered) if stemmer is not None else lowered


def query_stems(q: str, language: str) -> list[str]:
    """The distinct stems of a query's words, in their order."""
    return list(dict.fromkeys(stems(WORD.findall(q), language)))


def stemmed_text(text: str, language: str) -> str:
    return " ".join(stems(WORD.findall(text), language))


class Backend:
    """What the rest of the app asks of an index (built by migration 0002): keep it (after
    entries are written or removed) and search it (a queryset of entries narrowed to the
    matches and annotated with `score`, best first)."""

    def add(self, entries) -> None:
        """Index `entries`, saved rows of search.Entry (a row indexed before is re-indexed)."""
        raise NotImplementedError

    def remove(self, ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def match(self, entries: QuerySet, q: str, language: str) -> QuerySet:
        raise NotImplementedError


class PostgresBackend(Backend):
    def add(self, entries) -> None:
        by_language: dict[str, list[int]] = {}
        for entry in entries:
            by_language.setdefault(entry.language, []).append(entry.pk)
        with connection.cursor() as cursor:
            for language, ids in by_language.items():
                config = search_configuration(language)
                cursor.execute(
                    f"UPDATE {TABLE} SET vector ="
                    " setweight(to_tsvector(%s::regconfig, title || ' ' || context), 'A')"
                    " || setweight(to_tsvector(%s::regconfig, body), 'B')"
                    " WHERE id = ANY(%s)",
                    [config, config, ids],
                )

    def remove(self, ids: list[int]) -> None:
        pass  # the vector is a column of the rows themselves: it goes with them

    def clear(self) -> None:
        pass

    def match(self, entries: QuerySet, q: str, language: str) -> QuerySet:
        config = search_configuration(language)
        query = "plainto_tsquery(%s::regconfig, %s)"
        return entries.extra(
            select={"score": f"ts_rank({TABLE}.vector, {query})"},
            select_params=[config, q],
            where=[f"{TABLE}.vector @@ {query}"],
            params=[config, q],
            order_by=["-score", "id"],
        )


class SqliteBackend(Backend):
    def add(self, entries) -> None:
        entries = list(entries)
        rows = [
            (
                entry.pk,
                stemmed_text(f"{entry.title} {entry.context}", entry.language),
                stemmed_text(entry.body, entry.language),
            )
            for entry in entries
        ]
        # Deleted first: a row of a table that was emptied without this backend (a test's
        # flush) may still be there under an id the database gives out again.
        self.remove([entry.pk for entry in entries])
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows
            )

    def remove(self, ids: list[int]) -> None:
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def match(self, entries: QuerySet, q: str, language: str) -> QuerySet:
        terms = query_stems(q, language)
        if not terms:
            return entries.none()
        # Each stem quoted: an FTS5 string, never its query syntax (AND, NEAR, column:…).
        expression = " ".join(f'"{term}"' for term in terms)
        return entries.extra(
            select={"score": f"-bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0)"},
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = {TABLE}.id", f"{FTS_TABLE} MATCH %s"],
            params=[expression],
            order_by=["-score", "id"],
        )


BACKENDS = {"postgresql": PostgresBackend, "sqlite": SqliteBackend}


def backend() -> Backend:
    """The backend of the database in use."""
    return BACKENDS[connection.vendor]()
