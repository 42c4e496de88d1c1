"""The company `qunguan bench audit` measures: a roster and full groups, with the mix of names
a real company shows an audit.

Each group holds `members` accounts counting the bot (WeChat's 500 is the whole group): an
admin and employees taken from the roster in turn (so employees sit in several groups, as they
do), shown as: the template name (most), the bare name or another department's prefix
(misnamed), the name inside a nickname (found by containment), a nickname that is on no
roster (unknown); 2 % of the roster has departed (removed on day 1).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from adapters.sim.replay import join_members
from adapters.sim.scenario import Scenario
from adapters.sim.scenario_events import MemberEntry
from adapters.sim.scenario_spec import ScenarioIn
from adapters.sim.world import World
from bench.replay import DEPARTMENTS, people
from bot.core.errors import ConfigError
from bot.core.group import group_runtimes

GROUP_LIMIT = 500  # WeChat: the bot included
NICKNAMES = ("阳光", "小确幸", "Lucky", "海阔天空", "安静", "Kevin", "momo", "向日葵", "老王头")
# How a member shows, and how often (per 100 members).
MIX = (("template", 87), ("misnamed", 6), ("contained", 3), ("unknown", 4))
DEPARTED = 0.02  # of the roster: departed, still in their groups (removed on day 1)


def _display(kind: str, person: dict[str, str], rng: random.Random) -> str:
    name, department = person["name"], person["department"]
    if kind == "misnamed":
        other = rng.choice([d for d in DEPARTMENTS if d != department])
        return rng.choice([name, f"{other}-{name}"])
    if kind == "contained":
        return rng.choice([f"{name}(外出)", f"{name}🙂", f"A{name}"])
    if kind == "unknown":
        return f"{rng.choice(NICKNAMES)}{rng.randrange(1000)}"
    return f"{department}-{name}"


def audit_company(
    groups: int, members: int, roster: int, seed: int
) -> tuple[dict[str, Any], Iterator[list[dict[str, str]]]]:
    """The scenario as a mapping whose groups list no members (no events: the audits are the
    scheduler's daily jobs), and each group's members in turn, made as they are asked for."""
    if not 3 <= members <= GROUP_LIMIT:
        raise ConfigError("--members", f"expected 3 to {GROUP_LIMIT} (the bot included)")
    if groups < 1:
        raise ConfigError("--groups", "expected at least 1")
    if not members - 2 <= roster <= 50_000:
        raise ConfigError("--roster", f"expected {members - 2} to 50000 employees")
    rng = random.Random(seed)
    staff = people(roster)
    departed = set(rng.sample(range(roster), int(roster * DEPARTED)))
    employees = [{**p, "status": "departed"} if i in departed else p for i, p in enumerate(staff)]
    company = {
        "start": "2026-11-23T08:00:00+08:00",
        "org": {
            "bot": "群管家",
            "roster": [*employees, {"name": "管理员", "department": "行政人事部"}],
        },
        "groups": [{"name": f"群{g + 1}", "admins": ["管理员"]} for g in range(groups)],
    }
    return company, _members(groups, members, staff, departed, rng)


def _members(
    groups: int,
    members: int,
    staff: list[dict[str, str]],
    departed: set[int],
    rng: random.Random,
) -> Iterator[list[dict[str, str]]]:
    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    admin = {"name": "行政人事部-管理员", "remark": "管理员"}
    for g in range(groups):
        shown = [admin]
        for i in range(members - 2):
            index = (g * (members - 2) + i) % len(staff)
            kind = "template" if index in departed else rng.choice(kinds)
            shown.append({"name": _display(kind, staff[index], rng), "id": f"m{g}-{i}"})
        yield shown


_MEMBERS = TypeAdapter(list[MemberEntry])


def audit_scenario(groups: int, members: int, roster: int, seed: int) -> tuple[Scenario, World]:
    """The company validated the way `qunguan replay` validates a scenario file, and the
    simulated world it starts in. Each group's members are validated (as a scenario's
    `groups[].members`) and joined to the world one group at a time: the spec does not keep
    50,000 validated members that only the world's construction reads. The roster is the
    scenario's `roster` only (the spec's copy is dropped): the app loads it into the database
    at start, as a company's roster import would, and reads it from there."""
    company, shown = audit_company(groups, members, roster, seed)
    spec = ScenarioIn.model_validate(company)
    group_runtimes(spec)
    world = World(spec.org.bot)
    for group, listed in zip(spec.groups, shown, strict=True):
        world.add_group(group.name, group.bot_role)
        join_members(world, group.name, _MEMBERS.validate_python(listed))
    employees = list(spec.org.roster or [])
    spec = spec.model_copy(update={"org": spec.org.model_copy(update={"roster": None})})
    return Scenario(Path("bench-audit"), spec, employees), world
