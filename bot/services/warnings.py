"""The warnings ledger. A warning counts while it is unrevoked and younger than
`warnings.expire`; it follows the employee the member is bound to, else the member's key."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Iterable

from tortoise.expressions import Q
from tortoise.queryset import CountQuery, QuerySet

from bot.core.clock import Clock
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import Reason
from bot.services import journal
from bot.storage import trips
from bot.storage.models import Warning

EVIDENCE_CHARS = 80
# Told of each warning recorded: (group, member, employee id, the warning's key) — the points
# ledger charges it, once per key.
WarningListener = Callable[[GroupRuntime, MemberView, int | None, str | None], Awaitable[None]]


def excerpt(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class WarningService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.listeners: list[WarningListener] = []

    def _live(self, group: GroupRuntime) -> QuerySet[Warning]:
        horizon = self.clock.now() - group.policy.warnings.expire
        live = Warning.filter(group_id=group.db_id, revoked_at=None, created_at__gt=horizon)
        # Warnings recorded in dry run count towards the simulated ladder while the group is
        # in dry run, and never towards a real removal once enforcement is switched on.
        return live if group.policy.dry_run else live.filter(dry_run=False)

    @staticmethod
    def _subject(member: MemberView, employee_id: int | None) -> Q:
        if employee_id is None:
            return Q(member_key=member.key)
        return Q(employee_id=employee_id) | Q(member_key=member.key)

    async def add(
        self,
        group: GroupRuntime,
        member: MemberView,
        employee_id: int | None,
        *,
        rule: Reason,
        reason: str,
        evidence: str = "",
        by: str | None = None,
    ) -> int:
        """Record a warning; return the live count including it.

        Under a cause the warning is keyed: the cause run again after a restart finds it
        recorded and does not warn twice."""
        key = await journal.effect_key("w")
        live = self._live(group).filter(self._subject(member, employee_id)).count()
        count = None
        if key is None or journal.fresh() or not await Warning.exists(cause_key=key):
            row = Warning(
                group_id=group.db_id,
                employee_id=employee_id,
                member_key=member.key,
                display=member.display,
                rule=rule,
                reason=reason,
                evidence=excerpt(evidence),
                issued_by=by,
                created_at=self.clock.now(),
                cause_key=key,
                dry_run=group.policy.dry_run,
            )
            count = await _insert_counting(row, live)
        for listener in self.listeners:
            await listener(group, member, employee_id, key)
        return count if count is not None else await live

    async def live(
        self, group: GroupRuntime, member: MemberView, employee_id: int | None
    ) -> list[Warning]:
        query = self._live(group).filter(self._subject(member, employee_id))
        return await query.order_by("created_at", "id")

    async def revoke_latest(
        self, group: GroupRuntime, member: MemberView, employee_id: int | None, by: str | None
    ) -> Warning | None:
        warnings = await self.live(group, member, employee_id)
        if not warnings:
            return None
        latest = warnings[-1]
        latest.revoked_at, latest.revoked_by = self.clock.now(), by
        await latest.save(update_fields=["revoked_at", "revoked_by"])
        return latest

    async def counts(
        self, group: GroupRuntime, members: Iterable[tuple[MemberView, int | None]]
    ) -> dict[str, int]:
        """Live warnings per member key, for a whole group in one query."""
        rows = await self._live(group).values_list("id", "member_key", "employee_id")
        by_key: dict[str, set[int]] = {}
        by_employee: dict[int, set[int]] = {}
        for wid, key, employee_id in rows:
            by_key.setdefault(key, set()).add(wid)
            if employee_id is not None:
                by_employee.setdefault(employee_id, set()).add(wid)
        out: Counter[str] = Counter()
        for member, employee_id in members:
            ids = by_key.get(member.key, set())
            if employee_id is not None:
                ids = ids | by_employee.get(employee_id, set())
            out[member.key] = len(ids)
        return dict(out)


async def _insert_counting(row: Warning, live: CountQuery) -> int | None:
    """Insert `row` and count the live warnings with it, in one round trip where the backend
    allows (bot.storage.trips); else insert it and leave the count to the caller (None)."""
    db = Warning._meta.db
    if not trips.available(db, reads=True):
        await row.save()
        return None
    live._choose_db_if_not_chosen()
    live._make_query()
    sql, values = live.query.get_parameterized_sql()
    got = await trips.run(db, [trips.insert(row, db), trips.Step(sql, values, read=True)])
    assert got is not None
    trips.saved(row, got[0])
    return got[1]
