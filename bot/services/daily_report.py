"""The org-wide daily compliance report: one sheet for HR with every group of every instance.

At `org.report_at` (the org's timezone) one instance among those sharing the database writes
`FILES_DIR/compliance-YYYY-MM-DD.xlsx`: per group (whichever instance owns it) the members by
status as that day's last audit found them (bot.services.compliance_history), and records it
in the audit trail. Instances agree on which one runs it through the job claims
(bot.services.job_claims). Run again after a crash, it reports the same day (remembered by the
journal), rewrites the file whole (written aside, then renamed) and appends no second entry.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from loguru import logger

from bot.core.clock import Clock
from bot.i18n import Translator
from bot.services import journal
from bot.services.audit_trail import AuditTrail
from bot.services.compliance_history import COUNTED, share_compliant
from bot.services.spreadsheet import Cell, save_table
from bot.storage.models import ComplianceDay, Group

COLUMNS = (*COUNTED, "missing")


class DailyReport:
    def __init__(
        self, *, clock: Clock, tz: ZoneInfo, t: Translator, trail: AuditTrail, files_dir: Path
    ) -> None:
        self.clock = clock
        self.tz = tz
        self.t = t
        self.trail = trail
        self.files_dir = files_dir

    async def run(self) -> None:
        """Write the report of today (the org's local date) and record it in the trail."""
        day = await journal.remembered("day", self._today, date.isoformat, date.fromisoformat)
        rows = await self.rows(day)
        path = self.files_dir / f"compliance-{day.isoformat()}.xlsx"
        self.write(path, rows)
        key = await journal.effect_key("report")
        data = {"day": day.isoformat(), "groups": len(rows), "file": path.name}
        await self.trail.append("daily_report", data, key=key)
        logger.info("daily compliance report: {path} ({n} groups)", path=path, n=len(rows))

    async def _today(self) -> date:
        return self.clock.now().astimezone(self.tz).date()

    async def rows(self, day: date) -> list[list[Cell]]:
        """One row per group in the database: platform, name, counts, share compliant."""
        groups = await Group.all().order_by("platform", "name")
        found = {r.group_id: r.counts for r in await ComplianceDay.filter(day=day)}
        out: list[list[Cell]] = []
        for group in groups:
            counts = found.get(group.id)
            if counts is None:  # not audited that day: say so rather than show zeros
                out.append([group.platform, group.name, *([None] * (len(COLUMNS) + 1))])
                continue
            share = share_compliant(counts)
            cells: list[Cell] = [counts.get(column, 0) for column in COLUMNS]
            out.append([group.platform, group.name, *cells, None if share is None else share])
        return out

    def write(self, path: Path, rows: list[list[Cell]]) -> None:
        """Write the sheet aside and rename it: a reader never sees half a file."""
        header = [
            self.t("report-col-platform"),
            self.t("report-col-group"),
            *(self.t(f"status-{column}") for column in COLUMNS),
            self.t("report-col-share"),
        ]
        aside = path.with_name(f".{path.stem}.part.xlsx")
        save_table(aside, self.t("report-sheet"), header, rows)
        os.replace(aside, path)
