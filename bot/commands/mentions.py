"""`@display name` mentions, resolved against the group's current members.

WeChat writes a mention as `@name` followed by U+2005; people also type an ordinary space.
Display names may contain spaces, so names are tried longest first. A mention must start the
text or follow whitespace (so `a@b.com` is not one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.members import MemberView


@dataclass
class Mentions:
    resolved: list[list[MemberView]] = field(default_factory=list)  # candidates per mention
    unresolved: list[str] = field(default_factory=list)
    rest: str = ""


def parse_mentions(text: str, members: Sequence[MemberView]) -> Mentions:
    by_name: dict[str, list[MemberView]] = defaultdict(list)
    for member in members:
        by_name[member.display].append(member)
    names = sorted(by_name, key=len, reverse=True)
    out = Mentions()
    kept: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "@" and (i == 0 or text[i - 1].isspace()):
            end = _match(text, i + 1, names)
            if end is not None:
                out.resolved.append(by_name[text[i + 1 : end]])
            else:
                end = i + 1
                while end < len(text) and not text[end].isspace():
                    end += 1
                out.unresolved.append(text[i + 1 : end])
            i = end + 1 if end < len(text) else end  # the separator belongs to the mention
            kept.append(" ")
            continue
        kept.append(text[i])
        i += 1
    out.rest = " ".join("".join(kept).split())
    return out


def _match(text: str, start: int, names: Sequence[str]) -> int | None:
    for name in names:
        end = start + len(name)
        if name and text.startswith(name, start) and (end == len(text) or text[end].isspace()):
            return end
    return None
