"""What keeps a company-sized audit cheap (issue 14, P3): member states are written only where
they changed, and roster names inside display names are found by look-up, not by a scan."""

from __future__ import annotations

import json
from datetime import timedelta

from bench.sqlcount import StatementCounter
from bot.core.clock import VirtualClock
from bot.core.employees import RosterEntry
from bot.core.members import MemberView
from bot.core.org import Scope
from bot.services import member_states
from bot.services.roster_match import MIN_CONTAINED_NAME, RosterIndex, _unique
from bot.storage.db import Database
from bot.storage.models import Employee, MemberState
from tests.conftest import T0
from tests.seeds import rng
from tests.test_storage import make_groups


async def test_a_steady_audit_rewrites_no_state_row(db: Database) -> None:
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    people = [MemberView(name) for name in ("张三", "李四", "王五")]
    seen = [(m, "unknown", None) for m in people]
    first = await member_states.record(group, seen, await member_states.load(group), clock.now())
    assert sorted(first.created) == sorted(m.key for m in people)

    clock.set(clock.now() + timedelta(days=1))
    counter = StatementCounter()
    with counter.counting():
        steady = await member_states.record(
            group, seen, await member_states.load(group), clock.now()
        )
    assert steady == member_states.Written()  # nothing changed: no row rewritten
    # The states' version alone (the rows written were kept in memory), then last_seen for
    # all and the new version, in one round trip (PostgreSQL: one statement).
    one_trip = 2 if db.dialect == "sqlite" else 1
    assert (counter.count - counter.writes, counter.writes) == (1, one_trip)
    rows = await MemberState.filter(group_id=group.db_id)
    assert {row.last_seen for row in rows} == {clock.now()}  # but every one was seen today

    clock.set(clock.now() + timedelta(days=1))
    changed = [(people[0], "misnamed", None), *seen[1:2]]  # 王五 left, 张三 is misnamed now
    counter = StatementCounter()
    with counter.counting():
        wrote = await member_states.record(
            group, changed, await member_states.load(group), clock.now()
        )
    assert wrote == member_states.Written(updated=["name:张三", "name:王五"])
    # The changed rows in one statement, then last_seen and the version, in one round trip:
    # SQLite logs each statement of the trip, PostgreSQL's trip is one statement.
    assert counter.writes == (3 if db.dialect == "sqlite" else 1)
    assert counter.count - counter.writes == 1  # the version: the rows were kept in memory
    by_key = {row.key: row for row in await MemberState.filter(group_id=group.db_id)}
    assert (by_key["name:张三"].status, by_key["name:王五"].present) == ("misnamed", False)
    assert by_key["name:李四"].last_seen == clock.now()
    assert by_key["name:张三"].last_seen == clock.now()  # rewritten and seen: both kept
    assert by_key["name:王五"].last_seen == clock.now() - timedelta(days=1)
    assert by_key["name:张三"].first_seen == T0  # kept from the first sight


async def test_reminders_are_counted_and_stamped_in_plain_sql(db: Database) -> None:
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    new, old = MemberView("新人"), MemberView("老人")
    await member_states.record(group, [(old, "misnamed", None)], {}, clock.now())
    clock.set(clock.now() + timedelta(hours=5))
    seen = [(new, "misnamed", None), (old, "misnamed", None)]
    both = frozenset({new.key, old.key})
    states = await member_states.load(group)
    await member_states.record(group, seen, states, clock.now(), reminded=both)
    rows = {row.key: row for row in await MemberState.filter(group_id=group.db_id)}
    for key in both:
        assert (rows[key].reminders, rows[key].last_reminded_at) == (1, clock.now())
        assert rows[key].present is True and rows[key].status == "misnamed"
    assert rows[old.key].first_seen == T0 and rows[new.key].first_seen == clock.now()
    later = clock.now()
    clock.set(clock.now() + timedelta(hours=5))  # not reminded again: the time stays
    await member_states.record(group, seen, await member_states.load(group), clock.now())
    assert (await MemberState.get(key=old.key)).last_reminded_at == later


def scanned(index: RosterIndex, display: str) -> tuple[RosterEntry, ...]:
    """The containment rule as first written: every roster name tested with `in`."""
    from bot.services.names import normalise_name

    name = normalise_name(display)
    return _unique(
        entry
        for entry in index.entries
        if len(normalise_name(entry.name)) >= MIN_CONTAINED_NAME
        and normalise_name(entry.name) in name
    )


def test_contained_names_are_found_by_lookup_as_by_the_scan() -> None:
    draw = rng("contained-lookup")
    letters = "王李张刘陈伟芳娜敏静ab-"
    names = {"".join(draw.choices(letters, k=draw.randint(1, 5))) for _ in range(400)}
    entries = [
        RosterEntry(id=i, name=name, department="财务部") for i, name in enumerate(sorted(names))
    ]
    index = RosterIndex(entries)
    found = 0
    for _ in range(500):
        display = "".join(draw.choices(letters + "🙂 (", k=draw.randint(1, 12)))
        match = index.match(display, "{department}-{name}", None)
        if match.strategy == "contained":
            assert match.candidates == scanned(index, display)
            found += 1
        elif match.strategy is None:
            assert scanned(index, display) == ()
    assert found > 50  # the draw does exercise containment


def test_in_scope_entries_are_the_filter_kept_per_scope() -> None:
    draw = rng("in-scope")
    departments = ("财务部", "销售部", "研发部")
    entries = [
        RosterEntry(
            id=i,
            name=f"员工{i}",
            department=draw.choice(departments),
            status=draw.choice(("active", "active", "departed")),
        )
        for i in range(300)
    ]
    index = RosterIndex(entries)
    scopes = (Scope(), Scope(departments=("财务部",)), Scope(departments=("销售部", "研发部")))
    for scope in scopes:
        wanted = tuple(e for e in entries if e.active and scope.admits(e))
        assert index.in_scope(scope) == wanted
        assert index.in_scope(Scope(departments=scope.departments)) is index.in_scope(scope)
    assert 0 < len(index.in_scope(Scope(departments=("财务部",)))) < len(index.in_scope(Scope()))


def test_member_lists_are_journaled_compactly_and_read_back_exactly() -> None:
    from bot.core.event_codec import member_to_json
    from bot.services.members import decode_members, encode_members

    members = [
        MemberView("张三"),
        MemberView("李四", identity="备注李四", role="admin"),
        MemberView("bot", is_self=True),
        MemberView("王五", handle="h5", account="wx5"),
        MemberView("", identity=None, role="owner", account="wx6"),
    ]
    stored = json.loads(json.dumps(encode_members(members)))  # what the database gives back
    assert decode_members(stored) == members
    assert "is_self" in stored and "handle" in stored  # set on some members
    plain = encode_members([MemberView("张三"), MemberView("李四")])
    assert plain == {"display": ["张三", "李四"]}  # fields at their defaults are left out
    assert decode_members(plain) == [MemberView("张三"), MemberView("李四")]
    # A journal written before: one object per member.
    assert decode_members([member_to_json(m) for m in members]) == members


async def test_a_row_is_rewritten_exactly_when_something_an_audit_keeps_changed(
    db: Database,
) -> None:
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    zhang, li = MemberView("张三"), MemberView("李四")
    found = (
        await Employee.create(name="张三", department="财务部", created_at=T0, updated_at=T0)
    ).id

    async def day(
        seen: list[tuple[MemberView, str, int | None]], reminded: frozenset[str] = frozenset()
    ) -> list[str]:
        clock.set(clock.now() + timedelta(days=1))
        states = await member_states.load(group)
        wrote = await member_states.record(group, seen, states, clock.now(), reminded=reminded)
        return sorted(wrote.updated)

    await day([(zhang, "misnamed", None), (li, "compliant", None)])
    assert await day(
        [(zhang, "misnamed", None), (li, "compliant", None)], frozenset({zhang.key})
    ) == [zhang.key]
    assert await day([(zhang, "misnamed", None), (li, "compliant", None)]) == []  # count kept
    assert (await MemberState.get(key=zhang.key)).reminders == 1
    assert await day([(zhang, "compliant", None), (li, "compliant", None)]) == [zhang.key]
    assert (await MemberState.get(key=zhang.key)).reminders == 0  # renamed: the count resets
    handled = MemberView("李四", handle="h1")  # the same key, a handle now
    assert await day([(zhang, "compliant", None), (handled, "compliant", None)]) == [li.key]
    assert await day([(zhang, "compliant", found), (handled, "compliant", None)]) == [zhang.key]
    assert await day([(handled, "compliant", None)]) == [zhang.key]  # left: absent
    assert await day([(zhang, "compliant", found), (handled, "compliant", None)]) == [zhang.key]
    row = await MemberState.get(key=zhang.key)
    assert (row.present, row.employee_id, row.status) == (True, found, "compliant")
    await member_states.count_reminder(group, zhang, clock.now())  # `/rename` reminded them
    assert await day([(zhang, "compliant", found), (handled, "compliant", None)]) == [zhang.key]
    assert (await MemberState.get(key=zhang.key)).reminders == 0  # compliant: no count kept
