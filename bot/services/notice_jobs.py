"""A notice's two scheduled moments: the half-time reminder and the deadline report.

Each runs once per notice (`reminded` / `reported` are stored, and the job runs under its own
cause, so a restart neither repeats nor loses one). Who is mentioned is read from the group
as it is then: a responder who left is named in the report but cannot be mentioned.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from loguru import logger

from bot.core.clock import Clock
from bot.core.group import GroupRuntime
from bot.services import notice_store
from bot.services.groups import GroupDirectory
from bot.services.notice_store import Responder, bound_employee
from bot.services.notify import Notifier
from bot.services.points import PointsService
from bot.services.snapshot import Snapshots
from bot.storage.models import Notice

EXCERPT = 40


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


class NoticeJobs:
    def __init__(
        self,
        *,
        clock: Clock,
        snapshots: Snapshots,
        notify: Notifier,
        groups: GroupDirectory,
        points: PointsService,
    ) -> None:
        self.points = points
        self.clock = clock
        self.snapshots = snapshots
        self.notify = notify
        self.groups = groups

    def when(self, group: GroupRuntime, moment: datetime) -> str:
        """A deadline in the group's local time: `HH:MM` today, else `MM-DD HH:MM`."""
        local, today = moment.astimezone(group.tz), self.clock.now().astimezone(group.tz)
        return f"{local:%H:%M}" if local.date() == today.date() else f"{local:%m-%d %H:%M}"

    def _group(self, notice: Notice) -> GroupRuntime | None:
        return next((g for g in self.groups if g.db_id == notice.group_id), None)

    async def _present(
        self, group: GroupRuntime, waiting: list[Responder]
    ) -> tuple[list[str], bool]:
        """The display names now shown by the waiting responders still in the group, and
        whether any of the group's admins is in it."""
        snap = await self.snapshots.take(group)
        by_key = {c.member.key: c.member.display for c in snap.results}
        present = [by_key[r.key] for r in waiting if r.key in by_key]
        # A responder no longer under their key (renamed without a remark) is found by the
        # employee they are bound to, when exactly one other member stands for them.
        for r in waiting:
            if r.key in by_key:
                continue
            found = [c.member.display for c in snap.results if bound_employee(c) == r.employee_id]
            if len(found) == 1 and found[0] not in present:
                present.append(found[0])
        admins = any(m.identity in group.admins and not m.is_self for m in snap.members)
        return present, admins

    async def remind(self, notice_id: int) -> None:
        """At half the deadline: mention those who have not acknowledged (once)."""
        notice = await Notice.get_or_none(id=notice_id)
        group = self._group(notice) if notice is not None else None
        if notice is None or group is None or notice.reminded or notice.reported:
            return
        waiting = await notice_store.waiting(notice)
        # After a long outage the deadline may have passed: the report says it all then.
        if waiting and self.clock.now() < notice.deadline:
            present, _ = await self._present(group, waiting)
            if present:
                await self.notify.send(
                    group.code,
                    "notice_reminder",
                    "notice-reminder",
                    mentions=present,
                    members=present,
                    rule="notice",
                    text=excerpt(notice.text),
                    deadline=self.when(group, notice.deadline),
                    word=group.policy.notice.ack_words[0],
                )
        notice.reminded = True
        await notice.save(update_fields=["reminded"])

    async def report(self, notice_id: int) -> None:
        """At the deadline: name those who have not acknowledged to the admins (once)."""
        notice = await Notice.get_or_none(id=notice_id)
        group = self._group(notice) if notice is not None else None
        if notice is None or group is None or notice.reported:
            return
        waiting = await notice_store.waiting(notice)
        if waiting:
            await self._report(group, notice, waiting)
        for r in waiting:
            await self.points.charge(
                group,
                "notice_missed",
                member_key=r.key,
                display=r.display,
                employee_id=r.employee_id,
                key=f"missed:{notice.id}:{r.key}",
            )
        logger.info("notice {id} closed: {n} did not acknowledge", id=notice.id, n=len(waiting))
        notice.reminded = notice.reported = True
        await notice.save(update_fields=["reminded", "reported"])

    async def _report(self, group: GroupRuntime, notice: Notice, waiting: list[Responder]) -> None:
        """In the group, mentioning the non-responders still there; with no admin in the
        group, also privately to the org-wide admins."""
        present, admins_here = await self._present(group, waiting)
        expected = len(notice.expected)
        args: dict[str, Any] = {
            "text": excerpt(notice.text),
            "acked": expected - len(waiting),
            "expected": expected,
            "names": self.notify.join(r.label for r in waiting),
        }
        await self.notify.send(
            group.code,
            "notice_report",
            "notice-report",
            mentions=present,
            members=[r.display for r in waiting],
            rule="notice",
            **args,
        )
        if not admins_here:
            for admin in sorted(group.org_admins):
                await self.notify.direct(
                    admin,
                    "notice_report",
                    "notice-report-direct",
                    about_group=group.code,
                    group=group.name,
                    **args,
                )
