"""The employees missing from a group, counted without listing them
(compliance_history.missing_count), agree with `Snapshot.missing` whatever the scope, the
departed entries and the members present."""

from __future__ import annotations

import random
from zoneinfo import ZoneInfo

from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.org import GroupIn
from bot.core.policy import build_policy
from bot.services.classification import Classification
from bot.services.compliance_history import missing_count
from bot.services.roster_match import RosterIndex
from bot.services.snapshot import Snapshot

DEPARTMENTS = ("财务部", "行政人事部", "技术部")


def test_the_count_agrees_with_the_list() -> None:
    rng = random.Random(7)
    entries = [
        RosterEntry(
            i,
            f"员工{i}",
            rng.choice(DEPARTMENTS),
            status=rng.choice(("active", "active", "departed")),
        )
        for i in range(1, 60)
    ]
    index = RosterIndex(entries)
    checked = 0
    for scope in (None, ["财务部"], ["财务部", "技术部"]):
        config = GroupIn(name="g", scope={"departments": scope} if scope else {})
        group = GroupRuntime(config=config, policy=build_policy({}, {}), tz=ZoneInfo("UTC"))
        for _ in range(20):
            shown = rng.sample(entries, rng.randrange(0, 40))
            results = [
                Classification(MemberView(f"m{e.id}"), rng.choice(("compliant", "departed")), e)
                for e in shown + shown[:3]  # two members on one entry too
            ] + [Classification(MemberView("x"), "unknown")]
            counted = missing_count(Snapshot(group, [], results, index))
            listed = Snapshot(group, [], results, index)
            assert counted == len(listed.missing)
            assert missing_count(listed) == counted  # listed already: its length
            checked += counted > 0
    assert checked > 30
