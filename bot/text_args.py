"""Arguments of a message made safe to format (bot.i18n): cut, or kept aside as a block.

ARG_LIMIT is documented in docs/commands.md ("Long arguments").
"""

from __future__ import annotations

import re
from typing import Any

# Characters of one argument in a message; longer ones end in "…" at this length.
ARG_LIMIT = 300
# Arguments that hold text the bot composed (lists of members, report lines, the usage of a
# command): never cut, put in after formatting.
# ("candidates": the look-alike list of bot/commands/targets.py on main, issue 10.)
BLOCK_ARGS = frozenset(
    {"lines", "items", "members_text", "names", "fields", "text", "usage", "candidates"}
)
# Whole numbers beyond this are shown as digits, not through the locale's number format.
BIG_NUMBER = 10**15

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters around a block's index
_TOKEN = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def _plain(text: str) -> str:
    """`text` without the token characters (so it cannot pose as a block)."""
    if _OPEN in text or _CLOSE in text:
        return text.replace(_OPEN, "").replace(_CLOSE, "")
    return text


def cut(text: str, limit: int = ARG_LIMIT) -> str:
    """`text`, or its first `limit - 1` characters and an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def prepare(args: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Arguments for Fluent: text cut to ARG_LIMIT, blocks replaced by tokens (returned
    separately, for `splice`), huge numbers as digits."""
    safe: dict[str, Any] = {}
    blocks: list[str] = []
    for name, value in args.items():
        if isinstance(value, str) and name in BLOCK_ARGS:
            safe[name] = f"{_OPEN}{len(blocks)}{_CLOSE}"
            blocks.append(value)
        elif isinstance(value, str):
            safe[name] = cut(_plain(value))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= BIG_NUMBER:
            safe[name] = str(value)
        else:
            safe[name] = value
    return safe, blocks


def splice(text: str, blocks: list[str]) -> str:
    """Put the blocks back where their tokens are (one pass: a block is never rescanned)."""
    if not blocks:
        return text
    return _TOKEN.sub(lambda match: blocks[int(match.group(1))], text)
