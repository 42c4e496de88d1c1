"""Developer tool: generate the next aerich migration for every dialect.

    python -m bot.storage.makemigrations NAME

aerich diffs the models against the state stored in the last migration file (offline mode),
so no database is needed; the SQLite and PostgreSQL folders are generated side by side.
aerich keeps the pending operations in class attributes, so each dialect is generated in a
process of its own (in one process the second dialect's file would repeat the first's DDL).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from pathlib import Path

from aerich import Command

from bot.storage.db import APP, MIGRATIONS, tortoise_config

# Offline generation never connects; the URLs only select the dialect's DDL.
_DIALECT_URLS = {
    "sqlite": "sqlite://{tmp}/schema.sqlite3",
    "postgres": "postgres://postgres@127.0.0.1:5432/unused",
}


async def _generate(dialect: str, url: str, name: str) -> str | None:
    location = MIGRATIONS / dialect
    if not (location / APP).exists():
        async with Command(tortoise_config(url), app=APP, location=str(location)) as command:
            await command.init_migrations(safe=True)
            return "initial"
    # Not `async with`: entering the command initialises it online, which would connect.
    command = Command(tortoise_config(url), app=APP, location=str(location))
    try:
        await command.init(offline=True)
        return await command.migrate(name, offline=True, no_input=True)
    finally:
        await command.aclose()


def generate_one(dialect: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = _DIALECT_URLS[dialect].format(tmp=tmp)
        made = asyncio.run(_generate(dialect, url, name))
    print(f"{dialect}: {made or 'no changes'}")  # noqa: T201


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--only":
        generate_one(argv[2], argv[0])
        return 0
    name = argv[0] if argv else "update"
    before = {dialect: _files(dialect) for dialect in _DIALECT_URLS}
    for dialect in _DIALECT_URLS:
        command = [sys.executable, "-m", "bot.storage.makemigrations", name, "--only", dialect]
        done = subprocess.run(command, check=False)
        if done.returncode:
            return done.returncode
    _same_names({dialect: _files(dialect) - before[dialect] for dialect in _DIALECT_URLS})
    return 0


def _files(dialect: str) -> set[Path]:
    return set((MIGRATIONS / dialect / APP).glob("*.py"))


def _same_names(new: dict[str, set[Path]]) -> None:
    """Each dialect's run stamps its own time: give the versions one name in every folder."""
    if len(new["sqlite"]) != 1:
        return
    (reference,) = new["sqlite"]
    for path in new["postgres"]:
        if path.name != reference.name:
            path.rename(path.with_name(reference.name))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
