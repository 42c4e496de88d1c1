"""Plain SQL beside tortoise, for the few hot statements where building a query costs more
than running it: the one difference between the dialects they need."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient


def marks(conn: BaseDBAsyncClient, count: int) -> list[str]:
    """`count` parameter placeholders for `conn`: `?` on SQLite, `$1`… on PostgreSQL."""
    if conn.capabilities.dialect == "sqlite":
        return ["?"] * count
    return [f"${i}" for i in range(1, count + 1)]


def dollars(sql: str) -> str:
    """`sql`'s `?` placeholders as PostgreSQL spells them, `$1`… in order (the statements
    written once for both dialects contain no literal `?`)."""
    head, *rest = sql.split("?")
    return head + "".join(f"${n}{part}" for n, part in enumerate(rest, 1))
