"""Which tortoise client each database runs on (the `engine` of its connection config)."""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.config_generator import expand_db_url

from bot.storage import sqlite_inline


def connection(dialect: str, url: str) -> dict[str, Any]:
    """tortoise's config of the connection to `url`: SQLite on the event loop's thread
    (bot.storage.sqlite_inline), PostgreSQL through a pool that skips its session reset
    (bot.storage.pg_client, named, so tortoise imports it and asyncpg only when used)."""
    if dialect == "sqlite":
        return sqlite_inline.connection_config(url)
    return {**expand_db_url(url), "engine": "bot.storage.pg_client"}
