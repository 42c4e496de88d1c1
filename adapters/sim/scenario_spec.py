"""A scenario file's top level: the org config, each group's members, and the timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, model_validator

from adapters.sim.scenario_events import MemberEntry, Step, written_moment
from bot.core import bounds
from bot.core.employees import EmployeeIn
from bot.core.org import GroupIn, OrgConfig


class SimGroupIn(GroupIn):
    members: list[MemberEntry] = Field(default_factory=list)


class ScenarioIn(OrgConfig):
    model_config = ConfigDict(extra="forbid")

    start: Annotated[datetime, BeforeValidator(written_moment), AfterValidator(bounds.check_start)]
    # Narrower than OrgConfig's list[GroupIn]; nothing puts a plain GroupIn into it.
    groups: list[SimGroupIn] = Field(default_factory=list)  # type: ignore[assignment]
    events: list[dict[str, Any]] = Field(default_factory=list, max_length=bounds.MAX_EVENTS)
    # Free-text keys for people reading the file.
    name: str | None = None
    title: str | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _aware_start(self) -> ScenarioIn:
        if self.start.tzinfo is None:
            self.start = self.start.replace(tzinfo=ZoneInfo(self.timezone))
        return self


@dataclass
class Scenario:
    """A loaded scenario: the spec, the roster it starts with, and its validated steps."""

    path: Path
    spec: ScenarioIn
    roster: list[EmployeeIn]
    steps: list[Step] = field(default_factory=list)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.spec.timezone)
