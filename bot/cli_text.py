"""The command line's help in the user's language: Chinese by default, English with
`LOCALE=en` (the setting the bot's own text follows). Help is built when the commands are
defined, before any settings are read, so the language comes from the environment here."""

from __future__ import annotations

import os
from functools import cache

from bot.i18n import DEFAULT_LOCALE, SUPPORTED, Translator


@cache
def _translator() -> Translator:
    wanted = os.environ.get("LOCALE", "").replace("-", "_")
    found = next((s for s in SUPPORTED if s.lower() == wanted.lower()), DEFAULT_LOCALE)
    return Translator(found)


def h(key: str) -> str:
    """The help text `key` (a `cli-help-…` message) in the command line's language."""
    return _translator()(key)


LANG_HELP = "cli-help-lang"
