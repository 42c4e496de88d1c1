"""The roster as an import compares it: one compact row per employee, read as tuples.

Model instances cost kilobytes each (145k of them were most of an import's memory); a row
here holds the compared fields only, with repeated texts (departments, titles, statuses)
shared; the import writes its changes from them (bot.services.roster_import.write). Every
read also makes a fingerprint of the whole roster: an import plans outside its
transaction and checks, under the audit lock, that the roster it planned on is still there.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.services.roster_import.parsed import NO_ALIASES
from bot.storage.models import Employee
from bot.storage.steps import numbered

COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "department",
    "title",
    "phone",
    "employee_no",
    "aliases",
    "is_exec",
    "status",
    "hired",
    "wechat_id",
    "telegram_id",
)
SHARED = tuple(COLUMNS.index(name) for name in ("department", "title", "status"))
ALIASES = COLUMNS.index("aliases")
CONVERTED = ("aliases", "is_exec", "hired")  # through the column's to_python/db_value
PAGE = 10_000


class Known:
    """An employee as stored, with the model's attribute names (plan.current reads them)."""

    __slots__ = COLUMNS

    id: int
    name: str
    department: str
    title: str | None
    phone: str | None
    employee_no: str | None
    aliases: list[str] | tuple[str, ...]
    is_exec: bool
    status: str
    hired: Any
    wechat_id: str | None
    telegram_id: str | None

    def __init__(self, values: tuple[Any, ...]) -> None:
        for name, value in zip(COLUMNS, values, strict=True):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"Known({self.id}, {self.name!r}, {self.department!r})"


class Fingerprint:
    """A digest of every stored row as read (the same roster reads to the same digest)."""

    def __init__(self) -> None:
        self.digest = hashlib.blake2b(digest_size=16)

    def add(self, page: list[Any]) -> None:
        self.digest.update(repr(page).encode())

    def value(self) -> str:
        return self.digest.hexdigest()


def _page_sql(conn: BaseDBAsyncClient) -> str:
    meta = Employee._meta
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in COLUMNS)
    sql = f'SELECT {columns} FROM "{meta.db_table}" WHERE "id" > ? ORDER BY "id" LIMIT {PAGE}'
    return numbered(conn, sql)


async def pages(
    conn: BaseDBAsyncClient | None, fingerprint: Fingerprint | None = None
) -> AsyncIterator[list[Any]]:
    """Every employee's compared fields, `PAGE` rows at a time in order of id, so that the
    driver's rows for the whole roster are never held at once. Plain SQL: the values are
    what tortoise reads (the JSON, flag and date columns through their `to_python_value`),
    without its query building and its conversion of every column."""
    conn = conn if conn is not None else Employee._meta.db
    fields = Employee._meta.fields_map
    converted = [(COLUMNS.index(n), fields[n].to_python_value) for n in CONVERTED]
    sql, last = _page_sql(conn), 0
    while True:
        _, rows = await conn.execute_query(sql, [last])
        page = []
        for row in rows:
            values = list(row)
            for index, convert in converted:
                values[index] = convert(values[index])
            page.append(tuple(values))
        if fingerprint is not None:
            fingerprint.add(page)
        yield page
        if len(page) < PAGE:
            return
        last = page[-1][0]


async def known_rows(
    conn: BaseDBAsyncClient | None = None,
    keep: Callable[[tuple[Any, ...]], bool] | None = None,
    fingerprint: Fingerprint | None = None,
) -> list[Known]:
    """The employees (those `keep` says yes to), compact (see the module docstring)."""
    shared: dict[Any, Any] = {}
    rows: list[Known] = []
    async for page in pages(conn, fingerprint):
        for values in page:
            if keep is not None and not keep(values):
                continue
            row = list(values)
            for index in SHARED:  # repeated texts: one string each
                row[index] = shared.setdefault(row[index], row[index])
            row[ALIASES] = list(row[ALIASES]) if row[ALIASES] else NO_ALIASES
            rows.append(Known(tuple(row)))
    return rows


async def fingerprint(conn: BaseDBAsyncClient) -> str:
    """The roster's fingerprint, read through `conn` (nothing kept)."""
    found = Fingerprint()
    async for _ in pages(conn, found):
        pass
    return found.value()
