"""Compliance over time: each audit stores the group's members by status for its local day
(the last audit of a day wins), so the console can chart the last 30 days per group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from bot.core.vocabulary import MEMBER_STATUSES
from bot.services.snapshot import Snapshot
from bot.storage.models import ComplianceDay
from bot.storage.steps import write
from bot.storage.trips import Step

COUNTED = tuple(s for s in MEMBER_STATUSES if s != "bot")


def status_counts(snap: Snapshot) -> dict[str, int]:
    """The members by status (every status of the vocabulary, the bot left out), and the
    employees missing."""
    found = Counter(c.status for c in snap.results)
    out: dict[str, int] = {status: found.get(status, 0) for status in COUNTED}
    out["missing"] = missing_count(snap)
    return out


def missing_count(snap: Snapshot) -> int:
    """`len(snap.missing)` without listing them: the in-scope entries less those a member
    matched (every audit counts them; the list walks the whole roster)."""
    if "missing" in snap.__dict__:
        return len(snap.missing)  # listed already
    scope = snap.group.config.scope
    present = {
        c.entry.id
        for c in snap.results
        if c.entry is not None and c.entry.active and scope.admits(c.entry)
    }  # the entries `RosterIndex.in_scope` admits: active and in the scope
    return len(snap.roster.in_scope(scope)) - len(present)


def share_compliant(counts: dict[str, int]) -> float | None:
    """Compliant members as a share of the members counted; None for an empty group."""
    total = sum(v for k, v in counts.items() if k in COUNTED)
    return counts.get("compliant", 0) / total if total else None


def record_step(snap: Snapshot, now: datetime) -> Step:
    """The upsert storing `snap`'s counts as the group's figure for the local day `now`
    falls on (every audit writes it; the last of a day wins), for `steps.write`."""
    day = now.astimezone(snap.group.tz).date()
    fields = ComplianceDay._meta.fields_map
    values = [
        snap.group.db_id,
        fields["day"].to_db_value(day, ComplianceDay),
        fields["counts"].to_db_value(status_counts(snap), ComplianceDay),
        fields["recorded_at"].to_db_value(now, ComplianceDay),
    ]
    cast = "" if ComplianceDay._meta.db.capabilities.dialect == "sqlite" else "::jsonb"
    sql = (
        f'INSERT INTO "{ComplianceDay._meta.db_table}" ("group_id", "day", "counts", '
        f'"recorded_at") VALUES (?, ?, ?{cast}, ?) '
        'ON CONFLICT ("group_id", "day") DO UPDATE SET "counts" = excluded."counts", '
        '"recorded_at" = excluded."recorded_at"'
    )
    return Step(sql, values)


async def record(snap: Snapshot, now: datetime) -> None:
    """Store `snap`'s counts for its local day (`record_step`, sent alone)."""
    await write(ComplianceDay._meta.db, [record_step(snap, now)])


async def series(
    group_ids: Iterable[int], last: date, days: int = 30
) -> dict[int, dict[date, dict[str, int]]]:
    """Per group id, the counts stored for each of the `days` days ending on `last`."""
    first = last - timedelta(days=days - 1)
    ids = list(group_ids)
    rows = await ComplianceDay.filter(group_id__in=ids, day__gte=first, day__lte=last)
    out: dict[int, dict[date, dict[str, int]]] = {gid: {} for gid in ids}
    for row in rows:
        out[row.group_id][row.day] = dict(row.counts)
    return out
