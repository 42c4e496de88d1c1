"""10 000 lines with faults injected at 10% of library calls (half raise, half run slowly),
history replayed from time markers: every admin command gets exactly one reply, nobody is
removed twice, no warning is recorded twice, and the adapter never dies."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from loguru import logger

from adapters.wechat.driver import InMsg
from bot.storage.models import ActionRecord, Warning
from tests import seeds
from tests.wechat.conftest import ADMIN, Harness, make_config
from tests.wechat.fake_world import Person, World

EVENTS = 10_000
GROUPS = ("一群", "二群", "三群")
REPLY = {
    "warning",
    "removal_notice",
    "command_reply",
    "command_error",
    "command_denied",
    "action_failed",
    "audit_report",
}


def populate(world: World) -> None:
    for g, name in enumerate(GROUPS):
        people = [Person("李四", ADMIN)]
        people += [Person(f"销售部-员工{g}{i:02d}", f"wxid_m{g}{i:02d}x") for i in range(25)]
        world.add_group(name, people)


class Script:
    """Random but reproducible traffic; every command carries a unique tag."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.w, self.rng = world, rng
        self.commands: dict[str, str] = {}  # tag → command text
        self.joined = 0

    def step(self, n: int) -> None:
        group = self.rng.choice(GROUPS)
        people = [p for p in self.w.groups[group].people if not p.is_bot]
        admin = self.w.person(group, "李四")
        others = [p for p in people if p.wxid != ADMIN]
        roll = self.rng.random()
        if roll < 0.04:
            self.w.marker(group, f"2026-11-23 {n // 600 % 24:02d}:{n // 10 % 60:02d}:00")
        elif roll < 0.08:
            self.replay(group)
        elif roll < 0.15:
            self.command(group, admin, f"/warn @{self.rng.choice(others).label} t{n}", f"t{n}")
        elif roll < 0.165 and len(others) > 10:
            self.command(group, admin, f"/kick @{self.rng.choice(others).label} k{n}", f"k{n}")
        elif roll < 0.19:
            self.command(group, admin, f"/warns @{self.rng.choice(others).label} w{n}", f"w{n}")
        elif roll < 0.22:
            who = self.rng.choice(others)
            self.command(group, who, f"/kick @{self.rng.choice(others).label} d{n}", f"d{n}")
        elif roll < 0.24:
            self.joined += 1
            self.w.join(group, Person(f"新人{self.joined}", f"wxid_new{self.joined:04d}"), "李四")
        elif roll < 0.241:
            self.command(group, admin, f"/audit a{n}", f"a{n}")
        else:
            self.w.post(group, self.rng.choice(people), f"消息 {self.rng.randrange(40)}")

    def command(self, group: str, who: Person, text: str, tag: str) -> None:
        self.commands[tag] = text
        self.w.post(group, who, text)

    def replay(self, group: str) -> None:
        history = self.w.groups[group].history
        marks = [i for i, line in enumerate(history) if line.attr == "time"]
        if marks:
            self.w.replay(group, len(history) - marks[-1])


@pytest.mark.slow
async def test_ten_thousand_lines_with_faults(world: World, harness) -> None:
    populate(world)
    config = make_config(
        [{"name": g, "policy": {"warnings.limit": 10_000}} for g in GROUPS],
        roster=[
            {"name": f"员工{g}{i:02d}", "department": "销售部"}
            for g in range(3)
            for i in range(25)
        ],
    )
    routed: list[tuple[str, str, str]] = []
    async with harness("wxautox", config) as h:
        original = h.adapter.inbound.route

        async def route(msg: InMsg, key: str) -> Any:
            routed.append((msg.chat, msg.content, key))
            return await original(msg, key)

        h.adapter.inbound.route = route
        world.faults.rate, world.faults.rng = 0.10, seeds.rng("wechat stress faults")
        script = Script(world, seeds.rng("wechat stress script"))
        for n in range(EVENTS):
            script.step(n)
            if n % 100 == 99:
                await h.settle()
        await h.settle()
        world.faults.rate = 0.0
        assert not h.task.done(), "the adapter loop died"
        assert h.adapter.conn.worker.alive
        await check(h, world, script, routed)


async def check(h: Harness, world: World, script: Script, routed: list) -> None:
    records = await ActionRecord.all().order_by("id")
    by_cause: dict[str, list[ActionRecord]] = {}
    for r in records:
        cause = (r.idempotency_key or "").rpartition("#")[0]
        by_cause.setdefault(cause, []).append(r)
    keys = {text: (chat, key) for chat, text, key in routed}
    handled = Counter(text for _, text, _ in routed)
    for _tag, text in script.commands.items():
        assert handled[text] == 1, f"{text} handled {handled[text]} times"
        chat, key = keys[text]
        replies = [
            r
            for r in by_cause.get(f"MessageEvent:{chat}:{key}", [])
            if r.kind in REPLY and r.outcome == "done"
        ]
        assert len(replies) == 1, f"{text}: {[r.kind for r in replies]}"
    assert all(times == 1 for times in world.removed.values())
    removals = [r for r in records if r.action == "remove" and r.outcome == "done"]
    assert len(removals) == sum(world.removed.values()) > 0
    warnings = await Warning.filter(rule="admin")  # those of /warn lines (not content rules)
    assert len(warnings) == len({w.reason for w in warnings})  # one per /warn line
    said = [r for r in records if r.kind == "warning" and r.outcome == "done"]
    assert len(warnings) == sum(1 for r in said if r.payload.get("rule") == "admin")
    to_groups = [s for s in world.sent if s[0] in GROUPS]
    done_sends = [r for r in records if r.action == "send" and r.outcome == "done"]
    assert len(to_groups) == len(done_sends)  # no message went out twice
    print_summary(h, world, script, records)


def print_summary(h: Harness, world: World, script: Script, records: list) -> None:
    raised = sum(world.faults.raised.values())
    calls = sum(world.faults.calls.values())
    logger.warning(
        f"{EVENTS} lines, {len(script.commands)} commands, {calls} library calls, "
        f"{raised} raised, {h.adapter.inbound.replays} replayed lines dropped, "
        f"{sum(world.removed.values())} removed, {len(records)} actions"
    )
