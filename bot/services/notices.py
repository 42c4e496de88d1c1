"""Notices with acknowledgement (spec/replay.md, "Notices and acknowledgement").

`/notice` posts a notice (and, where the platform can, sets the group announcement) and opens
it until its deadline; an ack word from an expected responder acknowledges every open notice
of the group (late ones as late); at half the deadline a `notice_reminder` mentions who has
not acknowledged, at the deadline a `notice_report` names them (bot.services.notice_jobs).
Several notices may be open in a group at once; they are stored, so a restart keeps them and
their deadlines (`restore` schedules their jobs again).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from loguru import logger

from bot.core.actions import Notice as Announcement
from bot.core.capabilities import Capability
from bot.core.clock import Clock
from bot.core.events import MessageEvent
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.notice_policy import ack_word
from bot.core.scheduler import Job, Scheduler
from bot.services import journal, notice_store
from bot.services.groups import GroupDirectory
from bot.services.notice_jobs import NoticeJobs
from bot.services.notice_store import Responder, bound_employee
from bot.services.notify import Notifier
from bot.services.points import PointsService
from bot.services.snapshot import Snapshots
from bot.storage.models import Notice


class NoticeService:
    def __init__(
        self,
        *,
        clock: Clock,
        snapshots: Snapshots,
        notify: Notifier,
        scheduler: Scheduler,
        groups: GroupDirectory,
        points: PointsService,
    ) -> None:
        self.clock = clock
        self.points = points
        self.snapshots = snapshots
        self.notify = notify
        self.scheduler = scheduler
        self.groups = groups
        self.jobs = NoticeJobs(
            clock=clock, snapshots=snapshots, notify=notify, groups=groups, points=points
        )

    async def open(
        self, group: GroupRuntime, sender: MemberView | None, by: str, text: str, span: timedelta
    ) -> Notice:
        """Post a notice and open it for acknowledgement until `span` from now."""
        now = self.clock.now()
        snap = await self.snapshots.take(group)
        notice = await notice_store.create(
            group_id=group.db_id,
            text=text,
            sender=by,
            opened=now,
            deadline=now + span,
            expect=notice_store.responders(snap.results, sender),
            cause_key=await journal.effect_key("n"),
        )
        await self.notify.send(
            group.code,
            "notice",
            "notice-post",
            text=text,
            deadline=self.jobs.when(group, notice.deadline),
            word=group.policy.notice.ack_words[0],
        )
        if Capability.SET_NOTICE in self.notify.platform.capabilities(group.code):
            # Best effort: a refused announcement leaves the posted notice standing.
            await self.notify.actuator.perform(Announcement(group.code, text))
        self.schedule(notice)
        logger.info("notice {id} open until {deadline}", id=notice.id, deadline=notice.deadline)
        return notice

    def schedule(self, notice: Notice) -> None:
        """The notice's half-time reminder and deadline report, as jobs."""
        if notice.reported:
            return
        if not notice.reminded:
            half = notice.opened_at + (notice.deadline - notice.opened_at) / 2
            self.scheduler.at(f"notice:{notice.id}:remind", half, self._job(notice.id, False))
        report = self._job(notice.id, True)
        self.scheduler.at(f"notice:{notice.id}:report", notice.deadline, report)

    def _job(self, notice_id: int, report: bool) -> Job:
        async def run() -> None:
            if report:
                await self.jobs.report(notice_id)
            else:
                await self.jobs.remind(notice_id)

        return run

    async def restore(self) -> int:
        """At start: schedule again the jobs of every notice not yet reported."""
        ids = [group.db_id for group in self.groups]
        notices = await notice_store.unfinished(ids)
        for notice in notices:
            self.schedule(notice)
        return len(notices)

    async def on_message(self, group: GroupRuntime, event: MessageEvent) -> None:
        """An ack word from an expected responder acknowledges the group's notices."""
        if event.sender.is_self or ack_word(event.text, group.policy.notice.ack_words) is None:
            return
        now = event.at or self.clock.now()
        notices = await notice_store.accepting(group.db_id, now)
        if not notices:
            return
        bound: list[int | None] = []  # the sender's employee, classified once if needed
        for notice in notices:
            responder = await self._responder(group, notice, event.sender, bound)
            if responder is None:
                continue
            if await notice_store.record_ack(
                notice, responder, now, event.sender.display, event.text
            ):
                logger.info("notice {id} acknowledged by {who}", id=notice.id, who=responder.key)
                await self.points.charge(
                    group,
                    "ack_late" if now > notice.deadline else "ack_on_time",
                    member_key=event.sender.key,
                    display=event.sender.display,
                    employee_id=responder.employee_id,
                    key=f"ack:{notice.id}:{responder.key}",
                )

    async def _responder(
        self, group: GroupRuntime, notice: Notice, sender: MemberView, bound: list[int | None]
    ) -> Responder | None:
        """The expected responder `sender` is: by member key, else by the employee the
        sender is bound to now (a member who renamed since the notice)."""
        expected = notice_store.expected(notice)
        for responder in expected:
            if responder.key == sender.key:
                return responder
        if not bound:
            # As the whole group decides it: an impostor showing an employee's name answers
            # for nobody.
            bound.append(bound_employee(await self.snapshots.in_group(group, sender)))
        employee = bound[0]
        if employee is None:
            return None
        return next((r for r in expected if r.employee_id == employee), None)

    async def status(self, group: GroupRuntime) -> list[tuple[Notice, int, list[Responder]]]:
        """Each open notice with how many acknowledged and who has not."""
        out = []
        for notice in await notice_store.open_notices(group.db_id, self.clock.now()):
            waiting = await notice_store.waiting(notice)
            out.append((notice, len(notice.expected) - len(waiting), waiting))
        return out

    def deadline_text(self, group: GroupRuntime, moment: datetime) -> str:
        return self.jobs.when(group, moment)
