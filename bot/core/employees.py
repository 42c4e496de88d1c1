"""An employee: a roster row as written (`EmployeeIn`: a scenario, a config file, a roster
spreadsheet) and as naming and matching see it (`RosterEntry`, built from the stored row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from bot.core import bounds
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
    # Account ids the platform vouches for (spec "Identity"): a member showing one of them is
    # this employee whatever name they show.
    wechat_id: str | None = None
    telegram_id: str | None = None

    def owns_account(self, account: str | None) -> bool:
        """`account` is one configured for this employee."""
        return account is not None and account in (self.wechat_id, self.telegram_id)

    @property
    def active(self) -> bool:
        return self.status == "active"

    def brief(self) -> dict[str, str]:
        return {"name": self.name, "department": self.department}


class EmployeeIn(BaseModel):
    """A roster row as written in a scenario, a config file or a roster spreadsheet."""

    model_config = ConfigDict(extra="forbid")

    # The lengths are the roster table's columns (bot/storage/models.py).
    name: str = Field(min_length=1, max_length=64)
    department: str = Field(min_length=1, max_length=128)
    title: str | None = Field(default=None, max_length=128)
    phone: str | None = Field(default=None, max_length=32)
    employee_no: str | None = Field(default=None, max_length=64)
    aliases: list[Annotated[str, Field(max_length=64)]] = Field(
        default_factory=list, max_length=20
    )
    exec: StrictBool = False
    status: EmployeeStatus = "active"
    hired: date | None = None
    # The account ids' column lengths (bot/storage/models.py).
    wechat_id: str | None = Field(default=None, max_length=64)
    telegram_id: str | None = Field(default=None, max_length=64)

    @field_validator(
        "name",
        "department",
        "title",
        "phone",
        "employee_no",
        "wechat_id",
        "telegram_id",
        mode="before",
    )
    @classmethod
    def _as_text(cls, value: object) -> object:
        return as_text(value)

    @field_validator("title", "phone", "employee_no", "wechat_id", "telegram_id")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("hired")
    @classmethod
    def _hired_year(cls, value: date | None) -> date | None:
        if value is not None and not bounds.FIRST_HIRED_YEAR <= value.year <= bounds.LAST_YEAR:
            raise ValueError(
                f"expected a hire date between {bounds.FIRST_HIRED_YEAR} and "
                f"{bounds.LAST_YEAR}, got {value.isoformat()}"
            )
        return value

    @field_validator("aliases", mode="before")
    @classmethod
    def _alias_list(cls, value: object) -> object:
        if value is None:
            return []
        if isinstance(value, str):
            return [part.strip() for part in value.replace("，", ",").split(",") if part.strip()]
        return value
