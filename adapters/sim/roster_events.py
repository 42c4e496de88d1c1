"""Roster events of a timeline (HR adds, updates, departs): whom they mean, what they change."""

from __future__ import annotations

from typing import Any

from adapters.sim.scenario_events import RosterOpIn
from bot.core.errors import ConfigError


def roster_target(roster: list[tuple[str, str]], employee: dict[str, Any], where: str) -> int:
    """Which roster row a roster event means: by name, with department where names repeat."""
    name = str(employee.get("name") or "").strip()
    if not name:
        raise ConfigError(f"{where}.name", "required but missing")
    department = str(employee.get("department") or "").strip()
    named = [i for i, (n, _) in enumerate(roster) if n == name]
    exact = [i for i in named if roster[i][1] == department] if department else []
    if exact:
        return exact[0]
    if not named:
        raise ConfigError(f"{where}.name", f"nobody named {name!r} is on the roster")
    if len(named) > 1:
        raise ConfigError(
            f"{where}.department", f"several employees are named {name!r}; give the department"
        )
    return named[0]


def update_changes(current: tuple[str, str], event: RosterOpIn) -> dict[str, Any]:
    """The fields an update changes: `changes`, plus any other field given in `employee`."""
    changes = {k: v for k, v in event.employee.items() if k not in ("name", "department")}
    department = str(event.employee.get("department") or "").strip()
    if department and department != current[1]:
        changes["department"] = department
    return {**changes, **event.changes}
