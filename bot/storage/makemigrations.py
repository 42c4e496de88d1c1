"""Developer tool: generate the next aerich migration for every dialect.

    python -m bot.storage.makemigrations NAME

aerich diffs the models against the state stored in the last migration file (offline mode),
so no database is needed; the SQLite and PostgreSQL folders are generated side by side.
"""

from __future__ import annotations

import asyncio
import contextvars
import sys
import tempfile

from aerich import Command

from bot.storage.db import APP, MIGRATIONS, tortoise_config

# Offline generation never connects; the URLs only select the dialect's DDL.
_DIALECT_URLS = {
    "sqlite": "sqlite://{tmp}/schema.sqlite3",
    "postgres": "postgres://postgres@127.0.0.1:5432/unused",
}


async def _generate(dialect: str, url: str, name: str) -> str | None:
    location = MIGRATIONS / dialect
    async with Command(tortoise_config(url), app=APP, location=str(location)) as command:
        if not (location / APP).exists():
            await command.init_migrations(safe=True)
            return "initial"
        await command.init(offline=True)
        return await command.migrate(name, offline=True, no_input=True)


async def main(name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for dialect, url in _DIALECT_URLS.items():
            made = await asyncio.create_task(
                _generate(dialect, url.format(tmp=tmp), name), context=contextvars.Context()
            )
            print(f"{dialect}: {made or 'no changes'}")  # noqa: T201


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "update"))
