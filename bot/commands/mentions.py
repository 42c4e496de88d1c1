"""`@display name` mentions, resolved against the group's current members.

WeChat writes a mention as `@name` followed by U+2005; people also type an ordinary space.
Display names may contain spaces, so names are tried longest first. A mention must start the
text or follow whitespace (so `a@b.com` is not one).

A mention names the member whose display name it spells exactly, code point for code point:
`@财务部－王芳` (full-width dash) is never `财务部-王芳`. Where the typed name matches nobody
exactly but looks like members' names once normalised (full-width forms, circled digits,
zero-width characters, dashes, case), those members are `lookalikes` and the command refuses
rather than guess; so it does where a look-alike name runs longer than the exact match (the
rest of the text may be part of another member's name), though never across WeChat's U+2005.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.members import MemberView
from bot.core.textnorm import normalise

# How far a look-alike name may run (display names hold at most 255 characters, padding with
# zero-width characters included); bounds the work a long message can cause.
_MAX_STRETCH = 512
MENTION_END = "\u2005"
# Commands name one member; a text with more mentions than this is refused unread.
MAX_MENTIONS = 16


@dataclass
class Lookalike:
    typed: str  # the name as typed
    members: list[MemberView]  # members whose names only look like it


@dataclass
class Mentions:
    resolved: list[list[MemberView]] = field(default_factory=list)  # candidates per mention
    unresolved: list[str] = field(default_factory=list)
    lookalikes: list[Lookalike] = field(default_factory=list)
    rest: str = ""


def parse_mentions(text: str, members: Sequence[MemberView]) -> Mentions:
    by_name: dict[str, list[MemberView]] = defaultdict(list)
    by_look: dict[str, list[MemberView]] = defaultdict(list)
    for member in members:
        by_name[member.display].append(member)
        if look := normalise(member.display):
            by_look[look].append(member)
    names = sorted(by_name, key=len, reverse=True)
    out = Mentions()
    kept: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "@" and (i == 0 or text[i - 1].isspace()):
            if len(out.resolved) + len(out.unresolved) + len(out.lookalikes) >= MAX_MENTIONS:
                out.unresolved.append(
                    text[i + 1 :].split(maxsplit=1)[0] if text[i + 1 :].split() else ""
                )
                break  # more than any command takes: refused, with bounded work
            end = _match(text, i + 1, names)
            look_end, alike = _lookalike(text, i + 1, by_look)
            exact = by_name[text[i + 1 : end]] if end is not None else []
            alike = [m for m in alike if m not in exact]
            if alike and (end is None or look_end > end):
                end = look_end
                out.lookalikes.append(Lookalike(text[i + 1 : end], alike + exact))
            elif end is not None:
                out.resolved.append(exact)
            else:
                end = _word_end(text, i + 1)
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


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return end


def _lookalike(
    text: str, start: int, by_look: dict[str, list[MemberView]]
) -> tuple[int, list[MemberView]]:
    """The longest stretch from `start` to a separator that looks like members' names (and
    where it ends); (start, []) if none does."""
    stop = min(len(text), start + _MAX_STRETCH)
    if (marked := text.find(MENTION_END, start, stop)) >= 0:
        stop = marked + 1  # WeChat ends a mention with U+2005: never a look-alike across it
    ends = [j for j in range(start + 1, stop) if text[j].isspace()]
    if stop == len(text):
        ends.append(stop)
    longest = max(map(len, by_look), default=0)
    for end in reversed(ends):
        look = normalise(text[start:end])
        if len(look) <= longest and look in by_look:
            return end, by_look[look]
    return start, []
