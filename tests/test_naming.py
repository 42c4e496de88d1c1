"""Normalisation, templates, the roster matcher and classification, as the spec states."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.employees import RosterEntry
from bot.core.members import MemberView
from bot.core.org import Scope
from bot.core.policy import NamingPolicy
from bot.services.classification import Classification, classify
from bot.services.names import complies, normalise_name, render_template
from bot.services.roster_match import RosterIndex

ZHANG = RosterEntry(1, "张三", "财务部", phone="138-0000-1234", employee_no="E001")
LI = RosterEntry(2, "李四", "行政人事部", aliases=("Lily",))
BOSS = RosterEntry(3, "王总", "总裁办", exec=True)
LIU_A = RosterEntry(4, "刘洋", "市场部")
LIU_B = RosterEntry(5, "刘洋", "研发部")
GONE = RosterEntry(6, "赵六", "销售部", status="departed")
INDEX = RosterIndex([ZHANG, LI, BOSS, LIU_A, LIU_B, GONE])
NAMING = NamingPolicy()
T = NAMING.template


@pytest.mark.parametrize(
    "shown",
    [
        "财务部-张三",
        "财务部－张三",  # full-width hyphen
        "财务部—张三",  # em dash
        "财务部 – 张三",  # en dash with spaces
        "财务部‐张三",  # hyphen
        "财务部―张三",
        "财务部─张三",  # box drawing
        " 财务部-张三\u3000",  # outer spacing
        "财\u200b务部-张三\u200d",  # zero-width characters
    ],
)
def test_normalised_names_comply(shown: str) -> None:
    assert complies(shown, ZHANG, NAMING, None)


@pytest.mark.parametrize(
    "shown", ["财务部张三", "财务部_张三", "财务部-张 三", "张三", "财务-张三"]
)
def test_near_misses_do_not_comply(shown: str) -> None:
    assert not complies(shown, ZHANG, NAMING, None)


def test_exec_bare_name_follows_the_policy() -> None:
    assert complies("王总", BOSS, NAMING, None)
    assert complies("总裁办-王总", BOSS, NAMING, None)
    assert not complies("王总", BOSS, NamingPolicy(exec_bare_name=False), None)
    assert not complies("张三", ZHANG, NAMING, None)  # not an exec


def test_template_fields() -> None:
    template = "{company}/{department}-{name}-{title}-{phone4}-{employee_no}"
    entry = RosterEntry(9, "张三", "财务部", title="会计", phone="138 0000 1234", employee_no="E1")
    assert render_template(template, entry, "示例") == "示例/财务部-张三-会计-1234-E1"
    bare = RosterEntry(10, "李四", "行政部")
    assert render_template(template, bare, None) == "/行政部-李四---"


def test_matching_order_first_strategy_with_a_candidate_decides() -> None:
    # The template name wins even though the display also contains another roster name.
    assert INDEX.match("财务部-张三", T, None).strategy == "template"
    assert INDEX.match("张三", T, None).candidates == (ZHANG,)
    assert INDEX.match("张三", T, None).strategy == "bare_name"
    assert INDEX.match("Lily", T, None).candidates == (LI,)
    assert INDEX.match("Lily", T, None).strategy == "alias"
    contained = INDEX.match("财务张三同学", T, None)
    assert (contained.strategy, contained.candidates) == ("contained", (ZHANG,))
    assert INDEX.match("路人", T, None).candidates == ()


def test_several_candidates_are_ambiguous() -> None:
    match = INDEX.match("刘洋", T, None)
    assert set(match.candidates) == {LIU_A, LIU_B}
    # A template name picks exactly one of them.
    assert INDEX.match("研发部-刘洋", T, None).candidates == (LIU_B,)


def test_a_bare_name_match_stops_before_the_contained_strategy() -> None:
    index = RosterIndex([RosterEntry(1, "张三", "财务部"), RosterEntry(2, "张三丰", "武当")])
    assert index.match("张三丰", T, None).candidates == (index.by_id[2],)


def _classify(display: str, binding: RosterEntry | None = None) -> Classification:
    return classify(
        MemberView(display), INDEX, naming=NAMING, scope=Scope(), company=None, binding=binding
    )


def test_every_status() -> None:
    assert _classify("财务部-张三").status == "compliant"
    misnamed = _classify("张三")
    assert (misnamed.status, misnamed.entry, misnamed.expected) == (
        "misnamed",
        ZHANG,
        "财务部-张三",
    )
    assert _classify("刘洋").status == "ambiguous"
    assert _classify("路人").status == "unknown"
    assert _classify("赵六").status == "departed"
    bot = classify(
        MemberView("群管家", is_self=True), INDEX, naming=NAMING, scope=Scope(), company=None
    )
    assert bot.status == "bot"


def test_scope_makes_an_out_of_scope_employee_unknown() -> None:
    result = classify(
        MemberView("财务部-张三"),
        INDEX,
        naming=NAMING,
        scope=Scope(departments=("研发部",)),
        company=None,
    )
    assert (result.status, result.entry, result.out_of_scope) == ("unknown", None, ZHANG)


def test_a_rename_binding_is_never_overridden_by_guessing() -> None:
    # "财务部-张三" would be guessed as 张三; the binding says 李四.
    result = _classify("财务部-张三", binding=LI)
    assert (result.status, result.entry, result.expected) == ("misnamed", LI, "行政人事部-李四")
    assert result.bound


@given(st.text())
def test_normalisation_is_idempotent_and_total(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once
