"""Identity (spec "Identity: who a member is"): trusted bindings, one holder per roster entry,
and charges that follow the sender.

The pure rules are checked directly (bot.services.classification, bot.services.identity); the
property that no warning is ever charged to a member who did not offend runs through the real
replay, on random groups of look-alike names.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.sim.replay import Replay, replay_settings
from adapters.sim.scenario import load_scenario
from bot.core.employees import RosterEntry
from bot.core.members import MemberView
from bot.core.org import Scope
from bot.core.policy import NamingPolicy
from bot.services.classification import classify
from bot.services.identity import CLAIMING, resolve
from bot.services.roster_match import RosterIndex
from bot.settings import Settings

ZHANG = RosterEntry(1, "张三", "财务部")
LI = RosterEntry(2, "李四", "行政人事部")
WANG = RosterEntry(3, "王建国", "总裁办", exec=True)
LIU = RosterEntry(4, "刘洋", "研发部")
ZHOU = RosterEntry(5, "周杰", "销售部", wechat_id="wxid_zhoujie")
INDEX = RosterIndex([ZHANG, LI, WANG, LIU, ZHOU])
NAMING = NamingPolicy()


def _classify(*members: MemberView, known: frozenset[int] = frozenset()) -> list[Any]:
    results = [classify(m, INDEX, naming=NAMING, scope=Scope(), company=None) for m in members]
    return resolve(results, known=known)


def test_a_remark_binds_whatever_name_is_shown() -> None:
    (c,) = _classify(MemberView("老王", identity="王建国"))
    assert (c.status, c.entry, c.how) == ("misnamed", WANG, "remark")


def test_a_configured_wechat_id_binds_whatever_name_is_shown() -> None:
    (c,) = _classify(MemberView("小周", account="wxid_zhoujie"))
    assert (c.status, c.entry, c.how) == ("misnamed", ZHOU, "account")


def test_the_trusted_holder_keeps_the_entry_and_the_copy_is_an_impostor() -> None:
    real, copy = MemberView("王建国", identity="王建国"), MemberView("王建国")
    held, impostor = _classify(real, copy)
    assert (held.status, held.entry) == ("compliant", WANG)
    assert (impostor.status, impostor.entry, impostor.claimed) == ("impostor", None, WANG)
    assert impostor.holder == real and not impostor.contested


def test_a_zero_width_copy_is_the_same_claim() -> None:
    held, impostor = _classify(MemberView("财务部-张三", "张三"), MemberView("财务部-张三\u200b"))
    assert (held.status, impostor.status) == ("compliant", "impostor")


def test_showing_a_known_employee_s_name_alone_is_an_impostor() -> None:
    """The real one is not in this group, but the bot knows them by a trusted way."""
    (c,) = _classify(MemberView("行政人事部-李四"), known=frozenset({LI.id}))
    assert (c.status, c.claimed) == ("impostor", LI)


def test_showing_the_name_of_an_admin_on_no_roster_entry_is_an_impostor() -> None:
    admin, copy = MemberView("陈静", "陈静"), MemberView("陈静\u200b")
    results = [
        classify(m, INDEX, naming=NAMING, scope=Scope(), company=None) for m in (admin, copy)
    ]
    kept, impostor = resolve(results, admins={"陈静"})
    assert kept.status == "unknown"  # the admin herself: on no roster entry
    assert (impostor.status, impostor.admin_named, impostor.holder) == ("impostor", "陈静", admin)


def test_a_different_wechat_id_is_not_the_configured_employee() -> None:
    (c,) = _classify(MemberView("销售部-周杰", account="wxid_other"))
    assert (c.status, c.claimed) == ("impostor", ZHOU)


def test_two_members_showing_one_name_with_nothing_to_tell_them_apart() -> None:
    first, second = _classify(MemberView("研发部-刘洋"), MemberView("研发部-刘洋"))
    assert first.status == second.status == "impostor"
    assert first.contested and second.contested


def test_the_one_who_held_the_entry_before_keeps_it() -> None:
    a, b = MemberView("研发部-刘洋"), MemberView("研发部－刘洋")
    results = [classify(m, INDEX, naming=NAMING, scope=Scope(), company=None) for m in (a, b)]
    held, copy = resolve(results, earlier={LIU.id: {a.key}})
    assert (held.status, copy.status) == ("compliant", "impostor")
    held, copy = resolve(results, newcomer=b.key)
    assert (held.status, copy.status) == ("compliant", "impostor")


def test_a_name_merely_containing_a_present_employee_s_name_is_unknown() -> None:
    present, joiner = _classify(MemberView("研发部-刘洋"), MemberView("刘洋洋"))
    assert present.status == "compliant"
    assert (joiner.status, joiner.entry, joiner.expected) == ("unknown", None, None)
    (alone,) = _classify(MemberView("刘洋洋"))  # 刘洋 is not in the group: the guess stands
    assert (alone.status, alone.entry) == ("misnamed", LIU)


def test_a_trusted_member_showing_another_trusted_name_is_an_impostor() -> None:
    """张三 (remark) renames to 李四's name while 李四 (remark) is there; 张三's own entry stays
    his, so his warnings still follow him."""
    li, zhang = MemberView("行政人事部-李四", "李四"), MemberView("行政人事部-李四", "张三")
    held, impostor = _classify(li, zhang)
    assert held.status == "compliant"
    assert (impostor.status, impostor.entry, impostor.claimed) == ("impostor", ZHANG, LI)


DISPLAY = st.sampled_from(
    ["财务部-张三", "财务部－张三", "财务部-张三\u200b", "张三", "研发部-刘洋", "刘洋洋",
     "王建国", "总裁办-王建国", "路人", "王建国的司机"]
)  # fmt: skip
REMARK = st.sampled_from([None, None, None, "张三", "王建国", "刘洋"])


@given(st.lists(st.tuples(DISPLAY, REMARK), min_size=1, max_size=8))
def test_every_entry_has_at_most_one_holder(members: list[tuple[str, str | None]]) -> None:
    views = [MemberView(display, remark) for display, remark in members]
    results = _classify(*views)
    held = Counter(c.entry.id for c in results if c.entry and c.status in CLAIMING)
    assert all(n == 1 for n in held.values()), results
    for c in results:
        if c.trusted and c.status != "impostor":
            assert c.entry is not None
        shared = sum(1 for v in views if v.key == c.member.key)
        if shared > 1 and not c.trusted:
            assert c.status != "compliant"


# -- charges follow the sender, through the real replay ------------------------------------

ROSTER = [
    {"name": "张三", "department": "财务部"},
    {"name": "李四", "department": "行政人事部"},
    {"name": "王芳", "department": "财务部"},
    {"name": "刘洋", "department": "研发部"},
]
LOOK_ALIKES = [
    "财务部-张三", "财务部－张三", "财务部-张三\u200b", "张三", "行政人事部-李四", "李四",
    "财务部-王芳", "王芳的老公", "刘洋洋", "研发部-刘洋", "路人", "路人",
]  # fmt: skip


def _scenario(members: list[tuple[str, str | None]], offences: list[int]) -> dict[str, Any]:
    listed: list[dict[str, Any]] = [{"name": "行政人事部-李四", "remark": "李四", "id": "admin"}]
    for i, (display, remark) in enumerate(members):
        listed.append({"name": display, "id": f"m{i}", **({"remark": remark} if remark else {})})
    events = [
        {"after": "1m", "type": "message", "group": "全员群", "who": f"m{who}",
         "text": "加我微信 领优惠券"}
        for who in offences
    ]  # fmt: skip
    return {
        "start": "2026-11-23T10:00:00+08:00",
        "org": {"bot": "群管家", "defaults": {"audit.daily_at": ""}, "roster": ROSTER},
        "groups": [{"name": "全员群", "admins": ["李四"], "members": listed}],
        "events": events,
    }


@st.composite
def groups(draw: st.DrawFn) -> tuple[list[tuple[str, str | None]], list[int]]:
    n = draw(st.integers(2, 6))
    displays = draw(st.lists(st.sampled_from(LOOK_ALIKES), min_size=n, max_size=n))
    # Remarks are the operator's contacts: one per person.
    remarks = draw(st.permutations([None, None, None, None, None, None, "张三", "王芳"]))[:n]
    offences = draw(st.lists(st.integers(0, n - 1), max_size=6))
    return list(zip(displays, remarks, strict=True)), offences


@pytest.mark.slow
@given(groups())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_warning_is_ever_charged_to_a_member_who_did_not_offend(
    tmp_path_factory: pytest.TempPathFactory, drawn: tuple[list[tuple[str, str | None]], list[int]]
) -> None:
    members, offences = drawn
    tmp = tmp_path_factory.mktemp("identity")
    path = tmp / "scenario.yaml"
    path.write_text(yaml.safe_dump(_scenario(members, offences), allow_unicode=True), "utf-8")
    replay = Replay(
        load_scenario(path),
        replay_settings(Settings(_env_file=None, data_dir=tmp), tmp, None),
        tmp / "files",
    )
    report = asyncio.run(replay.run())
    offended = Counter(f"m{who}" for who in offences)
    present = list(replay.world.groups["全员群"].members.values())
    rows = report["groups"]["全员群"]["members"]
    assert [row["display"] for row in rows] == [m.display for m in present]
    for member, row in zip(present, rows, strict=True):
        assert row["warnings"] <= offended[member.id], (member, row, report["actions"])
    removed = {f"m{i}" for i in range(len(members))} - {m.id for m in present}
    assert all(offended[who] >= 1 for who in removed), (removed, report["actions"])


def test_the_property_scenario_is_a_valid_scenario(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    scenario = _scenario([("路人", None), ("路人", None)], [0, 1])
    path.write_text(yaml.safe_dump(scenario, allow_unicode=True), "utf-8")
    assert len(load_scenario(path).steps) == 2


def test_a_roster_file_carries_the_account_ids(tmp_path: Path) -> None:
    from bot.services.roster_file import load_roster_file

    path = tmp_path / "staff.csv"
    rows = ["姓名,部门,微信号,telegram_id", "周杰,销售部,wxid_zj,", "张三,财务部,,42"]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    zhou, zhang = load_roster_file(path)
    assert (zhou.wechat_id, zhou.telegram_id) == ("wxid_zj", None)
    assert (zhang.wechat_id, zhang.telegram_id) == (None, "42")
