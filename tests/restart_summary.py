"""What a scripted run left behind, for comparing a run killed and restarted with one that was
not: the platform's transcript and the bot's durable state (tests/test_restart.py)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot.services import trail_verify
from bot.services.trail_chain import Verdict
from bot.storage.db import Database
from bot.storage.models import (
    ActionRecord,
    CauseRecord,
    Employee,
    Group,
    MemberState,
    Warning,
)


async def summary(url: str, world: dict[str, Any]) -> dict[str, Any]:
    db = Database(url)
    await db.open()
    try:
        # Compare by group code: ids depend on where a killed transaction left the sequence.
        code = {g.id: g.code for g in await Group.all()}
        return {
            "transcript": [item["action"] for item in world.get("delivered", [])],
            "warnings": sorted(
                [code[w.group_id], w.member_key, w.rule, w.reason, w.revoked_at is not None]
                for w in await Warning.all()
            ),
            "members": sorted(
                [code[m.group_id], m.key, m.status, m.present, m.reminders]
                for m in await MemberState.all()
            ),
            "employees": sorted([e.name, e.department, e.status] for e in await Employee.all()),
            "actions": sorted(
                [a.idempotency_key or "", a.outcome, a.payload.get("text", "")]
                for a in await ActionRecord.all()
            ),
            "audit": _verdict(await trail_verify.verify()),
            "causes": dict(Counter(c.status for c in await CauseRecord.all())),
        }
    finally:
        await db.close()


def _verdict(verdict: Verdict) -> dict[str, Any]:
    return {"ok": verdict.ok, "count": verdict.count, "head": verdict.head}
