"""Turn pydantic validation errors into one `ConfigError` that names the key at fault."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from bot.core.errors import ConfigError


def key_path(prefix: str, loc: Sequence[object]) -> str:
    """`("groups", 0, "policy", "warnings")` → `groups[0].policy.warnings`."""
    path = prefix
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif str(part).startswith(("function-", "tagged-union", "literal[", "union[")):
            continue  # pydantic's internal validator names are not keys
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def config_error(exc: ValidationError, prefix: str = "", tag: object = None) -> ConfigError:
    """The first error of `exc`, as a one-line `ConfigError`. `tag`: the discriminator value
    of a tagged union (an event's `type`), which pydantic puts first in the path."""
    first = exc.errors(include_url=False)[0]
    loc = first["loc"]
    if tag is not None and loc[:1] == (tag,):
        loc = loc[1:]
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "required but missing"
    elif first["type"] == "extra_forbidden":
        message = "unknown key (check the spelling against the documentation)"
    return ConfigError(key_path(prefix, loc), message)
