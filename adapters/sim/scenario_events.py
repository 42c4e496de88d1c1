"""The events of a scenario's timeline, as the YAML gives them, and a validated step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter

from bot.core.events import MESSAGE_KINDS
from bot.core.timeutil import parse_duration

Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


def _member_entry(value: object) -> object:
    return {"name": value} if isinstance(value, str | int) else value


class MemberIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    remark: str | None = None
    id: str | None = None
    role: Literal["owner", "admin", "member"] = "member"

    @property
    def member_id(self) -> str:
        return self.id or self.name


MemberEntry = Annotated[MemberIn, BeforeValidator(_member_entry)]


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    at: datetime | None = None
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
    sender: str = Field(alias="from", min_length=1)
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
    to: str = Field(min_length=1)


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
