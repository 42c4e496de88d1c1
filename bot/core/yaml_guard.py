"""Reading a YAML document safely: bounded size, nesting depth and node count (aliases
counted as often as they are used), all checked on the parser's event stream before any
object is built, so a hostile file is one clear error and never a RecursionError, a hang or
a "billion laughs" blow-up."""

from __future__ import annotations

from typing import Any

import yaml

from bot.core import bounds
from bot.core.errors import ConfigError

_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _loader() -> type[yaml.SafeLoader]:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_shape(text: str, where: str) -> None:
    """Refuse a document nested deeper than MAX_DEPTH or with more than MAX_NODES nodes."""
    sizes: dict[str, int] = {}  # anchor → nodes it stands for
    stack: list[tuple[int, str | None]] = []  # (nodes so far, anchor) per open collection
    total = 0
    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, _OPEN):
            if len(stack) >= bounds.MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise ConfigError(
                    f"{where} line {line}", f"nested deeper than {bounds.MAX_DEPTH} levels"
                )
            stack.append((1, event.anchor))
            continue
        if isinstance(event, _CLOSE):
            count, anchor = stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            count, anchor = 1, event.anchor
        elif isinstance(event, yaml.AliasEvent):
            count, anchor = sizes.get(event.anchor or "", 1), None
        else:
            continue
        if anchor:
            sizes[anchor] = count
        if stack:
            stack[-1] = (stack[-1][0] + count, stack[-1][1])
        else:
            total += count
        if total + sum(n for n, _ in stack) > bounds.MAX_NODES:
            raise ConfigError(where, f"more than {bounds.MAX_NODES:,} values (aliases included)")


def load_yaml(text: str, where: str) -> Any:
    """`yaml.safe_load` after `check_shape` (libyaml's parser where installed: a scenario
    with a roster of thousands loads in a fraction of the time)."""
    check_shape(text, where)
    return yaml.load(text, Loader=_loader())  # a safe loader, C or Python
