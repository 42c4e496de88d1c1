"""Member states kept in memory between audits (bot.services.member_state_memo): an audit
reads the group's version alone and uses the states it wrote last while nobody wrote them
since; every other write (another instance's audit, `/rename`'s count, a member seen or
gone) makes the next audit read every row. Checked against a fresh read after every step of
random histories, a write racing an audit between its read and its write included."""

from __future__ import annotations

from dataclasses import astuple
from datetime import timedelta

from bench.sqlcount import StatementCounter
from bot.core.causes import caused_by
from bot.core.clock import VirtualClock
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import member_states
from bot.services.member_state_sql import select
from bot.services.members import MemberService
from bot.storage.db import Database
from tests.conftest import T0
from tests.seeds import rng
from tests.test_storage import RecordingPlatform, make_groups

NAMES = [f"员工{i}" for i in range(8)]
STATUSES = ("compliant", "misnamed", "unknown")


async def stored(group: GroupRuntime) -> dict[str, tuple[object, ...]]:
    return {row.key: astuple(row) for row in await select(group.db_id)}


def loaded(states: dict[str, member_states.State]) -> dict[str, tuple[object, ...]]:
    return {key: astuple(row) for key, row in states.items()}


def seen_now(draw: object, members: list[MemberView]) -> list[tuple[MemberView, str, None]]:
    return [(m, draw.choice(STATUSES), None) for m in members]  # type: ignore[attr-defined]


async def test_the_kept_states_are_used_until_someone_else_writes(db: Database) -> None:
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    people = [MemberView(name) for name in NAMES[:3]]
    seen = [(m, "misnamed", None) for m in people]
    await member_states.record(group, seen, await member_states.load(group), clock.now())
    await member_states.record(group, seen, await member_states.load(group), clock.now())
    counter = StatementCounter()
    with counter.counting():
        states = await member_states.load(group)
    assert counter.count == 1  # the version alone: the states written last are current
    assert loaded(states) == await stored(group)
    await member_states.record(group, seen, states, clock.now())
    # Someone else counts a reminder (another instance's `/rename`): read again, seen.
    await member_states.count_reminder(group, people[0], clock.now())
    counter = StatementCounter()
    with counter.counting():
        states = await member_states.load(group)
    assert counter.count == 2 and states[people[0].key].reminders == 1
    assert loaded(states) == await stored(group)


async def test_random_histories_read_what_is_stored(db: Database) -> None:
    draw = rng("member-state-memo")
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    members = MemberService(RecordingPlatform(), clock)  # lists nothing: members are seen
    hits = 0
    for step in range(150):
        clock.set(clock.now() + timedelta(hours=1))
        present = [MemberView(n) for n in draw.sample(NAMES, draw.randint(2, len(NAMES)))]
        counter = StatementCounter()
        with counter.counting():
            states = await member_states.load(group)
        hits += counter.count == 1
        assert loaded(states) == await stored(group), f"step {step}"
        if draw.random() < 0.3:  # someone else writes between this audit's read and write
            await other_write(draw, group, members, clock)
        reminded = frozenset(m.key for m in draw.sample(present, draw.randint(0, 2)))
        with caused_by(f"job:audit@{step}", kind="job"):
            await member_states.record(
                group, seen_now(draw, present), states, clock.now(), reminded=reminded
            )
        if draw.random() < 0.3:  # or between two audits
            await other_write(draw, group, members, clock)
    assert 30 < hits < 150  # the memo served some reads, not all


async def other_write(
    draw: object, group: GroupRuntime, members: MemberService, clock: VirtualClock
) -> None:
    """A write of the group's states by anyone but the audit of this process."""
    member = MemberView(draw.choice(NAMES))  # type: ignore[attr-defined]
    kind = draw.randrange(4)  # type: ignore[attr-defined]
    if kind == 0:  # another instance's audit: its own read, nothing kept here
        others = {row.key: row for row in await select(group.db_id)}
        seen = seen_now(draw, [member, MemberView(draw.choice(NAMES))])  # type: ignore[attr-defined]
        await member_states.record(group, seen, others, clock.now())
    elif kind == 1:
        await member_states.count_reminder(group, member, clock.now())
    elif kind == 2:
        await members.observe(group, MemberView(member.display, handle=f"h{clock.now().hour}"))
    else:
        await members.observe(group, member)
        await members.forget(group, member)
