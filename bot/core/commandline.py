"""A command as typed in a chat, before anyone knows which command it is.

`/warn @张三` and `／警告 @张三` (the full-width slash of Chinese input methods) are commands;
the body after the slash is NFKC-normalised, so full-width letters and spaces read as plain
ones. `【群名】/warn @张三` (or `[群名] /warn @张三`) is a command addressed to one group, typed
outside it (WeChat's admin console). The dispatcher and the adapters share these rules.
"""

from __future__ import annotations

import unicodedata

COMMAND_PREFIXES = ("/", "／")
_BRACKETS = (("【", "】"), ("[", "]"))


def is_command(text: str) -> bool:
    """Whether `text` is a command (starts with a slash, leading blanks aside)."""
    return text.lstrip().startswith(COMMAND_PREFIXES)


def command_body(text: str) -> str:
    """What follows the slash, normalised: `／ｗａｒｎ @x` → `warn @x`."""
    return unicodedata.normalize("NFKC", text.strip()[1:])


def addressed(text: str) -> tuple[str, str] | None:
    """`【群名】/warn @x` or `[群名] /warn @x` → ("群名", "/warn @x"); None if `text` is not a
    command addressed to a group."""
    stripped = text.strip()
    for left, right in _BRACKETS:
        if stripped.startswith(left) and right in stripped:
            name, _, rest = stripped[1:].partition(right)
            rest = rest.strip()
            return (name.strip(), rest) if is_command(rest) else None
    return None
