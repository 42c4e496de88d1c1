"""Roster import from HR files (the project template, WeCom and DingTalk exports).

`preview` reads the file and says what an import would change; `apply` changes it all in one
transaction, or nothing: not if any row has an error, and not if it would mark more than a
fifth of the active employees as departed, unless forced. Each applied import is recorded in
the audit trail. A running bot notices the change within seconds (bot.recovery): it reloads
the roster and sweeps departed employees out of its groups, per policy. See docs/hr.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from bot.core.clock import Clock
from bot.core.errors import ConfigError
from bot.services.audit_trail import AuditTrail
from bot.services.audit_trail import lock as audit_lock
from bot.services.roster_import.known import Fingerprint, fingerprint, known_rows
from bot.services.roster_import.plan import MODES, Change, Plan
from bot.services.roster_import.planner import make_plan
from bot.services.roster_import.records import ParsedFile, RowError, read_records
from bot.services.roster_import.write import write_plan

__all__ = ["ImportResult", "RowError", "apply", "preview"]
NAMES_IN_AUDIT = 200


@dataclass
class ImportResult:
    parsed: ParsedFile
    plan: Plan
    applied: bool = False
    refused: str | None = None  # "errors" | "too_many_departures"


async def _plan(
    path: Path,
    format_name: str,
    sheet: str | None,
    mode: str,
    conn: BaseDBAsyncClient | None = None,
    fingerprint: Fingerprint | None = None,
) -> tuple[ParsedFile, Plan]:
    """The file read and compared with the roster as it is read: a row matched by its 工号
    and unchanged leaves nothing behind (memory; bot.services.roster_import.planner)."""
    if mode not in MODES:
        raise ConfigError("--mode", f"expected partial or full, got {mode!r}")
    with read_records(path, format_name, sheet) as (parsed, records):
        plan = await make_plan(
            records, await known_rows(conn, fingerprint=fingerprint), mode, conn
        )
    return parsed, plan


async def preview(
    path: Path, *, format_name: str = "auto", sheet: str | None = None, mode: str = "partial"
) -> ImportResult:
    """What importing `path` would change; nothing is written."""
    parsed, plan = await _plan(path, format_name, sheet, mode)
    refused = "errors" if parsed.errors else None
    if refused is None and plan.too_many_departures:
        refused = "too_many_departures"
    return ImportResult(parsed, plan, refused=refused)


async def apply(
    path: Path,
    *,
    clock: Clock,
    audit: AuditTrail,
    actor: str,
    format_name: str = "auto",
    sheet: str | None = None,
    mode: str = "partial",
    force: bool = False,
) -> ImportResult:
    """Import `path` in one transaction, or change nothing (see the module docstring). The
    plan is made before the transaction (the file is read then, not under the audit lock)
    and made again under the lock only if the roster changed in the meantime."""
    planned_on = Fingerprint()
    parsed, plan = await _plan(path, format_name, sheet, mode, None, planned_on)
    if parsed.errors:
        return ImportResult(parsed, plan, refused="errors")
    async with in_transaction() as conn:
        await audit_lock(conn)  # then the roster: the plan is made on the latest one
        if await fingerprint(conn) != planned_on.value():
            parsed, plan = await _plan(path, format_name, sheet, mode, conn)
            if parsed.errors:
                return ImportResult(parsed, plan, refused="errors")
        if plan.too_many_departures and not force:
            return ImportResult(parsed, plan, refused="too_many_departures")
        await write_plan(plan, clock.now(), conn)
        await audit.append(
            "roster_import", _audit_data(parsed, plan, force), actor=actor, using=conn
        )
    await audit.settled()
    return ImportResult(parsed, plan, applied=True)


def _sha256(path: Path) -> str:
    with path.open("rb") as file:  # streamed: the file is never held whole (memory)
        return hashlib.file_digest(file, "sha256").hexdigest()


def _audit_data(parsed: ParsedFile, plan: Plan, force: bool) -> dict[str, Any]:
    def names(changes: list[Change]) -> list[str]:
        return [f"{c.department}-{c.name}" for c in changes[:NAMES_IN_AUDIT]]

    return {
        "file": parsed.path.name,
        "sha256": _sha256(parsed.path),
        "format": parsed.format,
        "sheet": parsed.sheet,
        "mode": plan.mode,
        "forced": force,
        **plan.counts(),
        "added_names": names(plan.added),
        "updated_names": names(plan.updated),
        "departed_names": names(plan.departed),
    }
