"""Queries of a fixed shape, built once by the ORM and run again.

Building the SQL of a query costs Django about half a millisecond, often several times what
SQLite or PostgreSQL take to run the small queries behind the API's hot reads (the tags of
fifty initiatives, one revision). For a query whose SQL depends only on a few arguments (a
language, how many ids, a page), the SQL is built by the ORM once per process and database,
with stand-ins for the request's values, and then run again with the real ones:
`prepared_rows` (the ids of the request), `prepared_instance` (one object looked up by the
request's values) and `PreparedValues` (the pages of a list).

On PostgreSQL each such statement is also prepared on the server, once per connection, so
that it is parsed and planned once: planning the small joins of a list cost PostgreSQL more
than running them. (SQLite's driver keeps its own compiled statements by their text.) Behind
a pooler that does not keep sessions (PgBouncer's transaction mode) the setting
PREPARED_STATEMENTS turns this off, as docs/operations.md says.
"""

import hashlib
import weakref
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.db import connection


def prepared_rows(build, ids: list[int], *args) -> list[tuple]:
    """The rows of `build(ids, *args)`, a QuerySet ending in values_list() that takes the
    request's (distinct) `ids`; `args` shape the query (a language). The rows are the
    database's own, without the ORM's conversions: for columns that need none (integers,
    text)."""
    if not ids:
        return []
    shape = _shape(build, len(ids), args, connection.vendor, True)
    return _run(shape.sql, shape.parameters(ids))


def prepared_instance(build, values: tuple, *args):
    """The one model instance of `build(*values, *args)` (a QuerySet of a model, possibly
    annotated), or None; `values` are the request's (numbers), `args` shape the query."""
    shape = _shape(build, len(values), args, connection.vendor, False)
    rows = _run(shape.sql, shape.parameters(values))
    if not rows:
        return None
    row = _converted(list(rows[0]), shape.converters)
    model, start, end, fields, annotations = shape.instance
    instance = model.from_db(connection.alias, fields, row[start:end])
    for name, position in annotations:
        setattr(instance, name, row[position])
    return instance


class PreparedValues:
    """The values() rows of `build(*args)`, a QuerySet that its arguments determine entirely
    (a request's input reaches it only through them), sliced and counted like that queryset
    so that a paginator can page through it."""

    def __init__(self, build, *args):
        self.build = build
        self.args = args

    def count(self) -> int:
        # Only a full page needs the total (portal.api.Paginator): the ORM builds it.
        return self.build(*self.args).count()

    def __getitem__(self, window: slice) -> list[dict]:
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("PreparedValues are read by slices")
        shape = _shape(
            _sliced,
            0,
            (self.build, window.start, window.stop, *self.args),
            connection.vendor,
            False,
        )
        rows = _run(shape.sql, shape.parameters(()))
        return [
            dict(zip(shape.columns, _converted(list(row), shape.converters), strict=True))
            for row in rows
        ]


def _sliced(build, start, stop, *args):
    return build(*args)[start:stop]


class _Shape(NamedTuple):
    sql: str
    slots: (
        tuple  # per parameter of `sql`: (True, index of the request's value) or (False, constant)
    )
    columns: list[str]
    converters: tuple
    instance: tuple | None  # for prepared_instance: the model and where its fields are

    def parameters(self, values) -> list:
        return [values[slot] if is_value else slot for is_value, slot in self.slots]


@lru_cache(maxsize=1024)
def _shape(build, count: int, args: tuple, vendor: str, as_list: bool) -> _Shape:
    # Built twice, with the values 1, 2, 3… and then 2, 3, 4… (small numbers, which any
    # integer column takes): the parameters that moved are the request's values, in the
    # order their stand-ins tell; those that stayed are the shape's own (a language).
    def built(first: int):
        probes = list(range(first, first + count))
        queryset = build(probes, *args) if as_list else build(*probes, *args)
        compiler = queryset.query.get_compiler(connection=connection)
        return queryset.query, compiler, *compiler.as_sql()

    query, compiler, sql, params = built(1)
    _query, _compiler, moved_sql, moved = built(2)
    if moved_sql != sql or len(moved) != len(params):
        raise ValueError(f"{build.__name__}: the values must not change the query's shape")
    slots = tuple(
        (True, before - 1) if before != after else (False, before)
        for before, after in zip(params, moved, strict=True)
    )
    values = {index for is_value, index in slots if is_value}
    if values != set(range(count)) or any(
        before != after and after != before + 1 for before, after in zip(params, moved, strict=True)
    ):
        raise ValueError(f"{build.__name__}: each value must be a parameter of the query")
    columns = [*query.extra_select, *query.values_select, *query.annotation_select]
    converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])
    instance = None
    if compiler.klass_info is not None:
        selected = compiler.klass_info["select_fields"]
        start, end = selected[0], selected[-1] + 1
        fields = [column.target.attname for column, _sql, _alias in compiler.select[start:end]]
        annotations = tuple(compiler.annotation_col_map.items())
        instance = (compiler.klass_info["model"], start, end, fields, annotations)
    return _Shape(sql, slots, columns, tuple(converters.items()), instance)


def _converted(row: list, converters) -> list:
    for index, (functions, expression) in converters:
        value = row[index]
        for function in functions:
            value = function(value, expression, connection)
        row[index] = value
    return row


# The statements prepared on each PostgreSQL connection, by the driver's connection object
# (a new one, after a reconnection, has none).
_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql" or not settings.PREPARED_STATEMENTS:
            cursor.execute(sql, params)
            return cursor.fetchall()
        name, prepare = _statement(sql, len(params))
        on_connection = _prepared.setdefault(connection.connection, set())
        arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
        execute = f"EXECUTE {name}{arguments}"
        if name not in on_connection:
            # One round trip and one statement in the query log, as without preparing.
            execute = f"{prepare}; {execute}"
        cursor.execute(execute, params or None)
        on_connection.add(name)
        return cursor.fetchall()


@lru_cache(maxsize=1024)
def _statement(sql: str, count: int) -> tuple[str, str]:
    name = "portal_" + hashlib.sha256(sql.encode()).hexdigest()[:24]
    numbered = sql % tuple(f"${number}" for number in range(1, count + 1))
    return name, f"PREPARE {name} AS {numbered}".replace("%", "%%")
