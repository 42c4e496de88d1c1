"""Replay scenarios: parsing and full validation before anything runs.

`load_scenario` reads the YAML, validates every key and walks the whole timeline once
(`scenario_check`), tracking who is in which group, so a file that cannot be run is rejected
with one `ConfigError` naming the key or event at fault, and nothing runs half-way. This
module is the scenario's public face: the event types and helpers come with it.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from adapters.sim.roster_events import roster_target, update_changes
from adapters.sim.scenario_check import TimelineCheck
from adapters.sim.scenario_events import (
    AnyEvent,
    DirectIn,
    JoinIn,
    LeaveIn,
    MemberIn,
    MessageIn,
    RenameIn,
    RosterOpIn,
    Step,
    TickIn,
)
from adapters.sim.scenario_spec import Scenario, ScenarioIn, SimGroupIn
from bot.core.config_file import read_yaml
from bot.core.employees import EmployeeIn
from bot.core.group import group_runtimes
from bot.core.validation import config_error
from bot.services.roster_file import load_roster_file

__all__ = [
    "AnyEvent",
    "DirectIn",
    "JoinIn",
    "LeaveIn",
    "MemberIn",
    "MessageIn",
    "RenameIn",
    "RosterOpIn",
    "Scenario",
    "ScenarioIn",
    "SimGroupIn",
    "Step",
    "TickIn",
    "load_scenario",
    "roster_target",
    "update_changes",
]


def load_scenario(path: Path) -> Scenario:
    """Read and validate a scenario file; raise `ConfigError` for anything that cannot run."""
    raw = read_yaml(path)
    try:
        spec = ScenarioIn.model_validate(raw)
    except ValidationError as exc:
        raise config_error(exc) from None
    group_runtimes(spec)  # validates every policy (org defaults and each group's overrides)
    roster = _roster(spec, path)
    scenario = Scenario(path, spec, roster)
    TimelineCheck(scenario).walk()
    return scenario


def _roster(spec: ScenarioIn, path: Path) -> list[EmployeeIn]:
    if spec.org.roster_file:
        return load_roster_file((path.parent / spec.org.roster_file).resolve())
    return list(spec.org.roster or [])
