"""The WeChat system lines a group shows, parsed: a public, stable API.

`parse(text)` returns None for an ordinary line, or a `SystemLine` with `kind` (join,
bot_joined, removed_by_bot, bot_removed, group_renamed, recall, pat), `actor` (who did it;
None for the bot's own account, shown as "你", or when the line names nobody) and `targets`
(the names the line is about). Lines are matched from their start, so a member quoting such a
sentence in a message is not a system line, and anything after the sentence (WeChat appends
"撤销" links and the like) is ignored. Names sit inside ASCII quotes and may contain quotes
themselves; the sentence's own words decide where a name ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

KINDS = ("join", "bot_joined", "removed_by_bot", "bot_removed", "group_renamed", "recall", "pat")
SELF_WORDS = ("你", "我")


@dataclass(frozen=True, slots=True)
class SystemLine:
    kind: str
    actor: str | None
    targets: list[str] = field(default_factory=list)
    via: str = "invite"  # joins: invite or qrcode


def _names(raw: str) -> list[str]:
    """`B`, `B、C` or `B"、"C` (several invitees) → names, the optional leading space dropped."""
    parts = raw.split('"、"') if '"、"' in raw else raw.split("、")
    return [part.strip() for part in parts if part.strip()]


def _actor(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = raw.strip()
    return None if raw in SELF_WORDS or not raw else raw


# (pattern, builder). Order matters: the bot's own forms before the general ones.
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], SystemLine]]
_RULES: list[_Rule] = [
    (
        re.compile(r'^"(?P<a>.+?)"邀请你和"(?P<t>.+?)"加入了群聊'),
        lambda m: SystemLine("bot_joined", _actor(m["a"]), _names(m["t"])),
    ),
    (
        re.compile(r'^"(?P<a>.+?)"邀请你加入了群聊(?:，群聊参与人还有：(?P<t>.+))?'),
        lambda m: SystemLine("bot_joined", _actor(m["a"]), _names(m["t"] or "")),
    ),
    (
        re.compile(r"^你通过扫描(?:.*?分享的)?二维码加入群聊"),
        lambda m: SystemLine("bot_joined", None, [], via="qrcode"),
    ),
    (
        re.compile(r'^(?:"(?P<a>.+?)"|(?P<me>你))邀请"(?P<t>.+)"加入了群聊'),
        lambda m: SystemLine("join", _actor(m["a"]), _names(m["t"])),
    ),
    (
        re.compile(r'^"(?P<t>.+?)"通过扫描(?:"(?P<a>.+)"|(?P<me>你))分享的二维码加入群聊'),
        lambda m: SystemLine("join", _actor(m["a"]), _names(m["t"]), via="qrcode"),
    ),
    (
        re.compile(r'^"(?P<t>.+?)"通过"(?P<a>.+)"的邀请二维码加入群聊'),
        lambda m: SystemLine("join", _actor(m["a"]), _names(m["t"]), via="qrcode"),
    ),
    (
        re.compile(r'^"(?P<t>.+)"加入了群聊'),
        lambda m: SystemLine("join", None, _names(m["t"])),
    ),
    (
        re.compile(r'^你将"(?P<t>.+)"移出了群聊'),
        lambda m: SystemLine("removed_by_bot", None, _names(m["t"])),
    ),
    (
        re.compile(r'^你被"(?P<a>.+)"移出群聊'),
        lambda m: SystemLine("bot_removed", _actor(m["a"]), []),
    ),
    (
        re.compile(r'^(?:"(?P<a>.+?)"|(?P<me>你))修改群名为“(?P<t>.+)”'),
        lambda m: SystemLine("group_renamed", _actor(m["a"]), [m["t"]]),
    ),
    (
        re.compile(r'^(?:"(?P<a>.+?)" ?|(?P<me>你))撤回了一条消息'),
        lambda m: SystemLine("recall", _actor(m["a"]), []),
    ),
    (
        re.compile(r'^(?:"(?P<a>.+?)"|(?P<me>[你我])) ?拍了拍 ?(?:"(?P<t>.+?)"|(?P<tme>[你我]))'),
        lambda m: SystemLine("pat", _actor(m["a"]), [m["t"]] if m["t"] else []),
    ),
]


def parse(text: str) -> SystemLine | None:
    """The system line `text` is, or None for an ordinary line."""
    line = text.strip()
    for pattern, build in _RULES:
        match = pattern.match(line)
        if match:
            return build(match)
    return None
