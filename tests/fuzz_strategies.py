"""Hypothesis strategies for the fuzz suite (tests/test_fuzz_input.py): policy values,
scenario files and commands, built from the hostile values the issue 11 probe found and
whatever hypothesis draws around them."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

POLICY_KEYS = (
    "enforcement",
    "naming.template",
    "naming.exec_bare_name",
    "naming.after_reminders",
    "roster.unknown",
    "roster.departed",
    "audit.daily_at",
    "warnings",
    "warnings.limit",
    "warnings.action",
    "warnings.expire",
    "content",
    "content.banned_keywords",
    "content.rules",
    "content.ad_keywords",
    "content.max_length",
    "content.quiet_hours",
    "content.flood",
    "content.flood.messages",
    "content.flood.seconds",
    "content.mute_for",
    "content.delete_offending",
    "remind.cooldown",
)

HOSTILE_TEXT = (
    "99999999999999d",
    "365000d",
    "3650d",
    "1e308",
    "9" * 5_000 + "d",
    "1h30m",
    "{name:d}",
    "{name!r}",
    "{name:%Y}",
    "{department}-{name:>300000000}",
    "{部门}-{姓名}",
    "{department}-{name}",
    "{{name}}{name}",
    "{",
    "}",
    "yes",
    "no",
    "true",
    "22:00-07:30",
    "25:00",
    "09:00",
    "",
    "   ",
    "warn",
    "mute",
    "remove",
    "dry_run",
    "\x00",
    "长" * 3_000,
    "9999-12-31",
    "2026-11-23T09:00:00+08:00",
)
HOSTILE_NUMBERS = (0, 1, 2, -1, 10**15, 10**30, 2**63, 1e308, float("inf"), float("nan"), 0.5)

long_text = st.builds(
    lambda unit, times: unit * times,
    st.sampled_from(["长", "a ", "{$x}", "\u2005"]),
    st.integers(0, 3_000),
)
hostile_text = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=40), long_text)
hostile_number = st.one_of(
    st.sampled_from(HOSTILE_NUMBERS),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
)
scalar = st.one_of(hostile_text, hostile_number, st.booleans(), st.none())
value = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(POLICY_KEYS), st.text(max_size=8)), inner, max_size=4
        ),
    ),
    max_leaves=12,
)
_RULES = ("banned_keyword", "ad", "flood", "link", "length", "voice", "quiet_hours")
_RESPONSES = ("ignore", "remind", "warn", "remove", "mute")
# Values each key accepts, near its bounds: most draws are valid, so the fuzz reaches the
# code that uses an accepted policy, not just the validation.
VALID: dict[str, st.SearchStrategy[Any]] = {
    "enforcement": st.sampled_from(["enforce", "dry_run"]),
    "naming.template": st.sampled_from(
        ["{department}-{name}", "{部门}-{姓名}", "{name}", "{company}·{name}（{phone4}）"]
    ),
    "naming.exec_bare_name": st.booleans(),
    "naming.after_reminders": st.integers(1, 1_000),
    "roster.unknown": st.sampled_from(["report", "remind", "remove"]),
    "roster.departed": st.sampled_from(["report", "remove"]),
    "audit.daily_at": st.sampled_from(["09:00", "", "23:59", "00:00"]),
    "warnings.limit": st.integers(1, 100_000),
    "warnings.action": st.sampled_from(["remove", "report"]),
    "warnings.expire": st.sampled_from(["30d", "1s", "3650d", 0, 60]),
    "content.banned_keywords": st.sampled_from([["赌博"], [], ["长" * 100], ["a", "b"]]),
    "content.rules": st.dictionaries(st.sampled_from(_RULES), st.sampled_from(_RESPONSES)),
    "content.ad_keywords": st.sampled_from([["-加微信"], ["推广"], []]),
    "content.max_length": st.integers(0, 100_000),
    "content.quiet_hours": st.sampled_from(["22:00-07:30", "", "00:00-23:59", "08:00-09:00"]),
    "content.flood.messages": st.integers(1, 10_000),
    "content.flood.seconds": st.integers(1, 86_400),
    "content.mute_for": st.sampled_from(["10m", "366d", "0s"]),
    "content.delete_offending": st.booleans(),
    "remind.cooldown": st.sampled_from(["1h", "0s", "366d"]),
}


@st.composite
def policy(draw: st.DrawFn) -> dict[str, Any]:
    """A policy: valid values mostly, a hostile one now and then, any key sometimes."""
    out: dict[str, Any] = {}
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.integers(0, 5)) == 0:
            out[draw(st.sampled_from(POLICY_KEYS))] = draw(value)
        else:
            key = draw(st.sampled_from(sorted(VALID)))
            out[key] = draw(VALID[key])
    return out


COMMANDS = (
    "kick",
    "踢",
    "warn",
    "警告",
    "unwarn",
    "warns",
    "rename",
    "改名",
    "roster",
    "roster export",
    "audit",
    "help",
    "nosuch",
    "",
)
MENTIONS = ("@路人", "@路人\u2005", "@行政-李四", "@群管家", "@", "@@", "@无人", "@路人 @张三")
command_text = st.builds(
    lambda name, mention, rest: f"/{name} {mention} {rest}".strip(),
    st.one_of(st.sampled_from(COMMANDS), st.text(max_size=20)),
    st.one_of(st.sampled_from(MENTIONS), st.just("")),
    st.one_of(long_text, hostile_text, st.text(max_size=200)),
)

EVENT_TYPES = ("message", "direct", "join", "rename", "leave", "roster", "tick", "nosuch", 3)


def base_scenario() -> dict[str, Any]:
    return {
        "start": "2026-11-23T08:30:00+08:00",
        "org": {
            "admins": ["陈静"],
            "roster": [
                {"name": "张三", "department": "财务部"},
                {"name": "李四", "department": "行政"},
            ],
        },
        "groups": [
            {
                "name": "全员群",
                "admins": ["李四"],
                "members": [{"name": "行政-李四", "remark": "李四"}, "路人", "财务部-张三"],
            }
        ],
        "events": [],
    }


_SENDERS = ("行政-李四", "路人", "财务部-张三")
_TIMES = st.one_of(st.none(), st.sampled_from(["1s", "10m", "2h", "1d", "3d", "30d", "400d"]))


@st.composite
def valid_event(draw: st.DrawFn) -> dict[str, Any]:
    """An event the base scenario can run (members may be gone by then: a clean refusal)."""
    kind = draw(st.sampled_from(["message", "message", "message", "join", "rename", "tick"]))
    out: dict[str, Any] = {"type": kind}
    if kind == "message":
        out |= {"group": "全员群", "sender": draw(st.sampled_from(_SENDERS))}
        out["text"] = draw(st.one_of(command_text, hostile_text, st.text(max_size=300)))
        out["kind"] = draw(st.sampled_from(["text", "text", "voice", "link", "image"]))
    elif kind == "join":
        out |= {
            "group": "全员群",
            "member": {"name": draw(hostile_text), "id": f"j{draw(st.integers(0, 10**6))}"},
        }
    elif kind == "rename":
        out |= {"group": "全员群", "member": "路人", "to": draw(hostile_text)}
    after = draw(_TIMES)
    if after is not None:
        out["after"] = after
    return out


@st.composite
def event(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.integers(0, 4)):
        return draw(valid_event())
    kind = draw(st.sampled_from(EVENT_TYPES))
    out: dict[str, Any] = {"type": kind}
    fields = {
        "group": st.one_of(st.just("全员群"), hostile_text),
        "sender": st.sampled_from(["行政-李四", "路人", "财务部-张三", "无人"]),
        "text": st.one_of(command_text, hostile_text),
        "member": st.one_of(st.sampled_from(["路人", "新人"]), value),
        "to": hostile_text,
        "op": st.sampled_from(["add", "update", "depart", "x"]),
        "employee": st.one_of(st.just({"name": "王五", "department": "销售部"}), value),
        "after": st.one_of(st.sampled_from(["1s", "10m", "1d", "30d", "700d"]), scalar),
        "at": scalar,
        "kind": st.one_of(st.sampled_from(["text", "voice", "link"]), scalar),
    }
    for key in draw(st.lists(st.sampled_from(sorted(fields)), max_size=4, unique=True)):
        out[key] = draw(fields[key])
    if kind == "message":
        out.setdefault("group", "全员群")
        out.setdefault("sender", "行政-李四")
    return out


MUTABLE = (
    "start",
    "timezone",
    "org.bot",
    "org.roster",
    "org.defaults",
    "groups.0.policy",
    "groups.0.members",
    "groups.0.name",
    "groups.0.scope",
    "groups.0.bot_role",
)


@st.composite
def scenario(draw: st.DrawFn) -> dict[str, Any]:
    """The base scenario with a few keys replaced by hostile values and a few events."""
    doc = base_scenario()
    mutate = draw(st.integers(0, 2)) == 0  # a third of the files get a hostile key
    where = draw(st.lists(st.sampled_from(MUTABLE), max_size=2)) if mutate else []
    where += draw(st.lists(st.sampled_from(["org.defaults", "groups.0.policy"]), max_size=2))
    for path in where:
        node: Any = doc
        *parents, last = path.split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = draw(policy()) if last in ("defaults", "policy") else draw(value)
    doc["events"] = draw(st.lists(event(), max_size=6))
    return doc
