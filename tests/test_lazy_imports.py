"""The bot does not load libraries its daily work never needs (resident memory, issue 14 P3):
openpyxl until a sheet is written or a roster file read, redis until Redis is configured,
asyncpg until PostgreSQL is used, and the fallback locale's catalogue until a key is missing."""

from __future__ import annotations

import subprocess
import sys

from bot.i18n import SUPPORTED, Translator, _bundle


def _loaded_after(modules: str) -> str:
    probe = (
        f"import sys, {modules}\n"
        "print(sorted(m for m in ('openpyxl', 'redis', 'asyncpg') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def test_starting_the_bot_and_the_simulator_loads_no_spreadsheet_redis_or_postgres_library() -> (
    None
):
    assert _loaded_after("bot.app, adapters.sim.replay, bot.services.roster_file") == "[]"


def test_the_command_line_loads_none_of_them_either() -> None:
    # `qunguan run`, `qunguan bench audit` go through every command's module (`roster import`
    # loads the import, and openpyxl with it, only when a file is imported).
    assert _loaded_after("bot.cli, bench.cli") == "[]"


def test_the_fallback_catalogue_is_read_only_for_a_key_the_locale_lacks() -> None:
    _bundle.cache_clear()
    t = Translator("en")
    assert t("reason-naming") == "name not as required"
    assert _bundle.cache_info().currsize == 1
    assert not t.has("no-such-key-anywhere")
    assert _bundle.cache_info().currsize == len(SUPPORTED)
