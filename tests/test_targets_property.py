"""Property, end to end (engine, commands, storage, the simulator): in random groups of
look-alike names, an admin's `/kick` and `/warn` act on the member typed (by `@name` exactly
as shown, by `备注:remark`, or by the `#n` that `/members` lists) or on nobody; never on
another member. Typed exactly, and unique, the command does act."""

from __future__ import annotations

import asyncio
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from adapters.sim.world import SimMember
from bot.core.actions import Action, Remove, Send
from bot.core.events import MessageEvent
from bot.core.members import MemberView
from bot.settings import Settings
from tests.lookalikes import lookalike_names, variant

GROUP = "全员群"
ADMIN = MemberView("行政人事部-李四", "李四")


@dataclass(frozen=True)
class Command:
    verb: str  # kick | warn
    pick: int  # which present member (index into the current list) is meant
    how: str  # exact | variant | remark | number
    reason: str


@st.composite
def commands(draw: st.DrawFn) -> Command:
    return Command(
        draw(st.sampled_from(("kick", "warn"))),
        draw(st.integers(0, 20)),
        draw(st.sampled_from(("exact", "exact", "variant", "remark", "number"))),
        draw(st.sampled_from(("", "刷屏"))),
    )


def _scenario(folder: Path, names: list[str], remarks: list[bool]) -> Path:
    members: list[object] = [{"name": ADMIN.display, "remark": "李四"}]
    for i, (name, remarked) in enumerate(zip(names, remarks, strict=True)):
        member: dict[str, str] = {"name": name, "id": f"m{i}"}
        if remarked:
            member["remark"] = f"备注{i}"
        members.append(member)
    spec = {
        "start": "2026-11-23T10:00:00+08:00",
        "org": {
            "bot": "群管家",
            "defaults": {"audit.daily_at": ""},
            "roster": [{"name": "李四", "department": "行政人事部"}],
        },
        "groups": [{"name": GROUP, "admins": ["李四"], "members": members}],
        "events": [],
    }
    path = folder / "scenario.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


LISTED = re.compile(r"^#(\d+) (.*?)(（已核实身份）)?$")


async def _say(replay: Replay, text: str, key: str) -> list[Action]:
    sent = len(replay.adapter.delivered)
    await replay.app.engine.handle(MessageEvent(GROUP, ADMIN, text, key=key))
    return [d.action for d in replay.adapter.delivered[sent:]]


async def _typed(
    replay: Replay, command: Command, meant: SimMember, data: st.DataObject, key: str
) -> tuple[str, str, str]:
    """The command as the admin types it: (text, what names the member, the name given)."""
    if command.how == "remark" and meant.remark:
        return f"/{command.verb} 备注:{meant.remark}", "remark", meant.remark
    if command.how == "number":
        # The numbers as /members lists them; the oracle is that listing, not the table.
        listing = [a.text for a in await _say(replay, "/members", key) if isinstance(a, Send)]
        lines = [LISTED.match(line) for line in listing[0].splitlines()[1:]]
        numbers = [int(m.group(1)) for m in lines if m and m.group(2) == meant.display]
        number = numbers[0] if numbers else 999
        return f"/{command.verb} #{number} {command.reason}".rstrip(), "display", meant.display
    named = meant.display if command.how == "exact" else data.draw(variant(meant.display))
    return f"/{command.verb} @{named}\u2005{command.reason}".rstrip(), "display", named


async def _run(folder: Path, names: list[str], remarks: list[bool], data: st.DataObject) -> None:
    scenario = load_scenario(_scenario(folder, names, remarks))
    settings_ = Settings(_env_file=None, data_dir=folder, database_url=f"sqlite://{folder}/db")
    replay = Replay(scenario, settings_, folder / "files")
    world = replay.world.groups[GROUP]
    await replay.app.start(scenario.roster)
    try:
        for n in range(data.draw(st.integers(1, 4))):
            command = data.draw(commands())
            present = [m for m in world.members.values() if not m.is_bot and m.remark != "李四"]
            if not present:
                break
            meant = present[command.pick % len(present)]
            text, by, named = await _typed(replay, command, meant, data, f"l{n}")
            before = {m.id: m for m in world.members.values()}
            done = await _say(replay, text, f"c{n}")
            removed = [before[i] for i in before if i not in world.members]
            targets = [
                m for m in before.values() if (m.remark if by == "remark" else m.display) == named
            ]
            for member in removed:
                assert member in targets, (text, member)
            for action in done:
                if isinstance(action, Remove):
                    assert action.member.display in {m.display for m in targets}, (text, action)
                if isinstance(action, Send) and action.kind == "warning":
                    assert set(action.mentions) <= {m.display for m in targets}, (text, action)
            unique = sum(m.display == meant.display for m in before.values()) == 1
            if (by == "remark" and command.verb == "warn") or (named == meant.display and unique):
                acted = (
                    removed
                    if command.verb == "kick"
                    else [a for a in done if isinstance(a, Send) and a.kind == "warning"]
                )
                assert acted, (text, [a for a in done])
    finally:
        await replay.app.stop()


@pytest.mark.slow  # about 0.3 s an example (a fresh database each)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=lookalike_names(), data=st.data())
def test_commands_act_on_the_member_typed_or_nobody(names: list[str], data: st.DataObject) -> None:
    remarks = data.draw(st.lists(st.booleans(), min_size=len(names), max_size=len(names)))
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(_run(Path(tmp), names, remarks, data))
