"""What keeps a company-sized audit cheap (issue 14, P3): member states are written only where
they changed, and roster names inside display names are found by look-up, not by a scan."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.core.clock import VirtualClock
from bot.core.employees import RosterEntry
from bot.core.members import MemberView
from bot.core.org import Scope
from bot.services import member_states
from bot.services.roster_match import MIN_CONTAINED_NAME, RosterIndex, _unique
from bot.storage.db import Database
from bot.storage.models import MemberState
from tests.conftest import T0
from tests.seeds import rng
from tests.test_storage import make_groups


async def test_a_steady_audit_rewrites_no_state_row(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    people = [MemberView(name) for name in ("张三", "李四", "王五")]
    seen = [(m, "unknown", None) for m in people]
    await member_states.record(group, seen, await member_states.load(group), clock.now())

    written: list[tuple[list[str], list[str]]] = []
    bulk_update = MemberState.bulk_update

    def recording(objects: Any, fields: Any, *args: Any, **kwargs: Any) -> Any:
        written.append(([row.key for row in objects], list(fields)))
        return bulk_update(objects, fields, *args, **kwargs)

    monkeypatch.setattr(MemberState, "bulk_update", recording)
    clock.set(clock.now() + timedelta(days=1))
    await member_states.record(group, seen, await member_states.load(group), clock.now())
    assert written == []  # nothing changed: no row rewritten
    rows = await MemberState.filter(group_id=group.db_id)
    assert {row.last_seen for row in rows} == {clock.now()}  # but every one was seen today

    clock.set(clock.now() + timedelta(days=1))
    changed = [(people[0], "misnamed", None), *seen[1:2]]  # 王五 left, 张三 is misnamed now
    await member_states.record(group, changed, await member_states.load(group), clock.now())
    assert written == [(["name:张三"], ["status"]), (["name:王五"], ["present"])]
    by_key = {row.key: row for row in await MemberState.filter(group_id=group.db_id)}
    assert (by_key["name:张三"].status, by_key["name:王五"].present) == ("misnamed", False)
    assert by_key["name:李四"].last_seen == clock.now()
    assert by_key["name:王五"].last_seen == clock.now() - timedelta(days=1)


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
