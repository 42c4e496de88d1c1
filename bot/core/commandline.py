"""A command as typed in a chat, before anyone knows which command it is.

`/warn @张三` and `／警告 @张三` (the full-width slash of Chinese input methods) are commands.
Only the command word is NFKC-normalised (`command_word`), so `／ｗａｒｎ` reads as `warn`; the
arguments stay exactly as typed, because mentions are matched against raw display names
(`财务部－王芳` and `财务部-王芳` are two members, not one).

`【群名】/warn @张三` (or `[群名] /warn @张三`) is a command addressed to one group, typed
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
    """What follows the slash, as typed: `／ｗａｒｎ @x` → `ｗａｒｎ @x`."""
    return text.strip()[1:].strip()


def command_word(word: str) -> str:
    """A command word as the registry knows it: NFKC-normalised and case-folded
    (`ｗａｒｎ` → `warn`). Never applied to arguments."""
    return unicodedata.normalize("NFKC", word).casefold()


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
