"""tortoise's PostgreSQL client, its pool returning connections without a reset round trip.

tortoise takes a pool connection for every statement outside a transaction and gives it back
after; asyncpg's pool then resets it by default: one more statement sent and waited for
(`SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`), as many as the bot's
own statements on a steady day's audit (profile: 1 600 resets for 800 statements).

The bot changes no session state on pooled connections: no `SET`, no `LISTEN`, no cursor
left open, no session advisory lock (the startup lock holds one on a connection of its own:
bot.storage.startup_lock). So the pool's reset is a no-op here. asyncpg still does its own
part on every release: a transaction left open is rolled back, listeners are removed.
"""

from __future__ import annotations

from typing import Any

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient


async def _nothing_to_reset(connection: asyncpg.Connection) -> None:
    """The pool's reset: nothing (see the module's docstring)."""


class PooledClient(AsyncpgDBClient):
    """`AsyncpgDBClient` whose pool skips the session reset on release."""

    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        return await asyncpg.create_pool(None, reset=_nothing_to_reset, **kwargs)


client_class = PooledClient  # how tortoise finds an engine's client
