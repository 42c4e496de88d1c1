"""Notices as stored: who is expected to acknowledge, who did and when, which are open.

Expected responders are fixed when the notice is posted (spec/replay.md, "Notices and
acknowledgement"): the group's members bound to active in-scope employees, other than the
sender and the bot. A responder who leaves afterwards is still named as not acknowledging.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError

from bot.core.members import MemberView
from bot.services.classification import Classification
from bot.storage.models import Notice, NoticeAck

# Acknowledgements after the deadline are still recorded (as late) for this long.
LATE_WINDOW = timedelta(days=7)
RESPONDING = ("compliant", "misnamed")


@dataclass(frozen=True, slots=True)
class Responder:
    """One expected responder, as stored in `Notice.expected`."""

    key: str
    display: str
    employee_id: int
    name: str
    department: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Responder:
        return cls(
            str(data["key"]),
            str(data["display"]),
            int(data["employee_id"]),
            str(data["name"]),
            str(data["department"]),
        )

    @property
    def label(self) -> str:
        return f"{self.department}-{self.name}"


def bound_employee(c: Classification) -> int | None:
    """The active in-scope employee a member stands for, if any (impostors and the
    ambiguous stand for nobody)."""
    if c.status in RESPONDING and c.entry is not None and c.entry.active:
        return c.entry.id
    return None


def responders(results: list[Classification], sender: MemberView | None) -> list[Responder]:
    """The expected responders among classified members: bound, not the sender (nor anyone
    else standing for the sender's employee), not the bot."""
    out: dict[int, Responder] = {}
    senders = {
        bound_employee(c) for c in results if sender is not None and c.member.key == sender.key
    }
    for c in results:
        employee = bound_employee(c)
        if employee is None or c.member.is_self or c.entry is None or employee in senders:
            continue
        if sender is not None and c.member.key == sender.key:
            continue
        # One employee, one responder: the first member standing for them.
        out.setdefault(
            employee,
            Responder(c.member.key, c.member.display, employee, c.entry.name, c.entry.department),
        )
    return list(out.values())


def expected(notice: Notice) -> list[Responder]:
    return [Responder.from_json(item) for item in notice.expected]


async def create(
    *,
    group_id: int,
    text: str,
    sender: str,
    opened: datetime,
    deadline: datetime,
    expect: list[Responder],
    cause_key: str | None,
) -> Notice:
    """Store a new notice; under a cause run again after a restart, the one stored then."""
    if cause_key is not None:
        found = await Notice.get_or_none(cause_key=cause_key)
        if found is not None:
            return found
    return await Notice.create(
        group_id=group_id,
        text=text,
        sender=sender,
        opened_at=opened,
        deadline=deadline,
        expected=[asdict(r) for r in expect],
        cause_key=cause_key,
    )


async def acks(notice: Notice) -> dict[str, NoticeAck]:
    """The acknowledgements of a notice by responder key."""
    rows = await NoticeAck.filter(notice_id=notice.id).order_by("at", "id")
    return {row.member_key: row for row in rows}


async def waiting(notice: Notice) -> list[Responder]:
    """Expected responders who have not acknowledged (in time or late)."""
    done = await acks(notice)
    return [r for r in expected(notice) if r.key not in done]


async def record_ack(
    notice: Notice, responder: Responder, at: datetime, display: str, text: str
) -> bool:
    """Record one acknowledgement; False if this responder had acknowledged already."""
    if await NoticeAck.exists(notice_id=notice.id, member_key=responder.key):
        return False
    try:
        await NoticeAck.create(
            notice_id=notice.id,
            member_key=responder.key,
            display=display,
            at=at,
            late=at > notice.deadline,  # an answer at the very deadline is in time
            text=text[:64],
        )
    except IntegrityError:
        return False  # recorded meanwhile (the same message handled twice)
    return True


async def accepting(group_id: int, now: datetime) -> list[Notice]:
    """The group's notices an acknowledgement may still be recorded for (open or recently
    closed), oldest first."""
    return await Notice.filter(group_id=group_id, deadline__gt=now - LATE_WINDOW).order_by(
        "opened_at", "id"
    )


async def open_notices(group_id: int, now: datetime) -> list[Notice]:
    """The group's notices still open for acknowledgement, oldest first."""
    return await Notice.filter(group_id=group_id, deadline__gt=now).order_by("opened_at", "id")


async def open_counts(group_ids: list[int], now: datetime) -> dict[int, int]:
    """How many notices each group has open for acknowledgement (one query for all)."""
    rows = await Notice.filter(group_id__in=group_ids, deadline__gt=now).values_list(
        "group_id", flat=True
    )
    return dict(Counter(rows))


async def unfinished(group_ids: list[int]) -> list[Notice]:
    """Notices whose deadline report is still to come (scheduled again at start)."""
    return await Notice.filter(group_id__in=group_ids, reported=False).order_by("id")
