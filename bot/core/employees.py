"""An employee: a roster row as written (`EmployeeIn`: a scenario, a config file, a roster
spreadsheet) and as naming and matching see it (`RosterEntry`, built from the stored row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.core.sections import as_text

EmployeeStatus = Literal["active", "departed"]


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One employee, as naming and matching see them."""

    id: int
    name: str
    department: str
    title: str | None = None
    phone: str | None = None
    employee_no: str | None = None
    aliases: tuple[str, ...] = ()
    exec: bool = False
    status: EmployeeStatus = "active"
    hired: date | None = None  # the naming grace (`naming.grace`) counts from it

    @property
    def active(self) -> bool:
        return self.status == "active"

    def brief(self) -> dict[str, str]:
        return {"name": self.name, "department": self.department}


class EmployeeIn(BaseModel):
    """A roster row as written in a scenario, a config file or a roster spreadsheet."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    department: str = Field(min_length=1)
    title: str | None = None
    phone: str | None = None
    employee_no: str | None = None
    aliases: list[str] = Field(default_factory=list)
    exec: bool = False
    status: EmployeeStatus = "active"
    hired: date | None = None

    @field_validator("name", "department", "title", "phone", "employee_no", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return as_text(value)

    @field_validator("title", "phone", "employee_no")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("aliases", mode="before")
    @classmethod
    def _alias_list(cls, value: object) -> object:
        if value is None:
            return []
        if isinstance(value, str):
            return [part.strip() for part in value.replace("，", ",").split(",") if part.strip()]
        return value
