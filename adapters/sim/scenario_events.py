"""The events of a scenario's timeline, as the YAML gives them, and a validated step."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter

from bot.core.events import MESSAGE_KINDS
from bot.core.timeutil import parse_duration

Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
NAME_LIMIT = 100  # characters of a display name, remark or id (docs/policy.md, "Bounds")


def written_moment(value: object) -> object:
    """A date and time as YAML gives it or as ISO 8601 text; a bare number (read elsewhere as
    seconds since 1970) is refused."""
    if isinstance(value, bool | int | float) or (
        isinstance(value, str) and re.fullmatch(r"\s*[-+]?[\d.]+\s*", value)
    ):
        raise ValueError(f"expected a date and time such as 2026-11-23T09:00, got {value!r}")
    return value


Moment = Annotated[datetime, BeforeValidator(written_moment)]


def _member_entry(value: object) -> object:
    return {"name": value} if isinstance(value, str | int) else value


class MemberIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=NAME_LIMIT)
    remark: str | None = Field(default=None, max_length=NAME_LIMIT)
    id: str | None = Field(default=None, max_length=NAME_LIMIT)
    role: Literal["owner", "admin", "member"] = "member"
    # The WeChat ID (微信号) the bot can read for this member (wxautox, 4.x `sender_info()`);
    # matched against an employee's `wechat_id` (spec "Identity").
    wechat_id: str | None = None

    @property
    def member_id(self) -> str:
        return self.id or self.name


MemberEntry = Annotated[MemberIn, BeforeValidator(_member_entry)]


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    at: Moment | None = None
    after: Duration | None = None


class MessageIn(_Event):
    type: Literal["message"]
    group: str
    sender: str | None = None
    who: str | None = None
    text: str = ""
    # The tuple spreads into the Literal when the model is built; mypy cannot follow that.
    kind: Literal[MESSAGE_KINDS] = "text"  # type: ignore[valid-type]


class DirectIn(_Event):
    type: Literal["direct"]
    sender: str = Field(alias="from", min_length=1, max_length=NAME_LIMIT)
    text: str


class JoinIn(_Event):
    type: Literal["join"]
    group: str
    member: MemberEntry
    inviter: str | None = None
    via: Literal["invite", "qrcode"] = "invite"


class RenameIn(_Event):
    type: Literal["rename"]
    group: str
    member: str | None = None
    who: str | None = None
    to: str = Field(min_length=1, max_length=NAME_LIMIT)


class LeaveIn(_Event):
    type: Literal["leave"]
    group: str
    member: str | None = None
    who: str | None = None


class RosterOpIn(_Event):
    type: Literal["roster"]
    op: Literal["add", "update", "depart"]
    employee: dict[str, Any]
    changes: dict[str, Any] = Field(default_factory=dict)


class TickIn(_Event):
    type: Literal["tick"]


class RestartIn(_Event):
    """The bot process stops and starts again (same database, same chats): open work such as
    notices and their deadlines must survive it."""

    type: Literal["restart"]


AnyEvent = MessageIn | DirectIn | JoinIn | RenameIn | LeaveIn | RosterOpIn | TickIn | RestartIn
EVENT: TypeAdapter[AnyEvent] = TypeAdapter(Annotated[AnyEvent, Field(discriminator="type")])


@dataclass
class Step:
    """One validated event, with members resolved to their hidden ids."""

    index: int
    at: datetime
    event: AnyEvent
    member_id: str | None = None
