"""Roster exports: an xlsx with an employees × groups sheet and one sheet per group."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.i18n import Translator
from bot.services import notice_sheet, points_sheet
from bot.services.points import PointsService
from bot.services.registry import label, ordered
from bot.services.roster import RosterService
from bot.services.snapshot import Snapshot, Snapshots
from bot.services.spreadsheet import Cell, new_workbook, sheet_title, write_table
from bot.services.warnings import WarningService

if TYPE_CHECKING:
    from openpyxl import Workbook


class WorkbookService:
    def __init__(
        self,
        snapshots: Snapshots,
        roster: RosterService,
        warnings: WarningService,
        translate: Translator,
        points: PointsService | None = None,
    ) -> None:
        self.points = points
        self.snapshots = snapshots
        self.roster = roster
        self.warnings = warnings
        self.translate = translate

    async def write(self, groups: Sequence[GroupRuntime], path: Path) -> Path:
        """Measure each group now and write the workbook to `path` (groups by code)."""
        groups = ordered(groups)
        snapshots = [await self.snapshots.take(group) for group in groups]
        warnings = [
            await self.warnings.counts(
                snap.group, [(c.member, c.entry.id if c.entry else None) for c in snap.results]
            )
            for snap in snapshots
        ]
        book, matrix = new_workbook()
        taken: set[str] = set()
        matrix.title = sheet_title(self.translate("export-sheet-matrix"), taken)
        index = await self.roster.index()
        header = [
            self.translate("export-col-name"),
            self.translate("export-col-employee-no"),
            self.translate("export-col-department"),
        ]
        header += [self.translate("export-col-employee-status")] + [
            label(snap.group) for snap in snapshots
        ]
        rows = []
        for entry in index.entries:
            row: list[Cell] = [
                entry.name,
                entry.employee_no or "",
                entry.department,
                self.translate(f"employee-{entry.status}"),
            ]
            for snap, counts in zip(snapshots, warnings, strict=True):
                row.append(self._cell(snap, counts, entry))
            rows.append(row)
        write_table(matrix, header, rows)
        for snap, counts in zip(snapshots, warnings, strict=True):
            self._group_sheet(book, snap, counts, taken)
        await notice_sheet.add_sheet(book, groups, self.translate, taken)
        if self.points is not None:
            await points_sheet.add_sheet(book, self.points, groups, self.translate, taken)
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        return path

    def _cell(self, snap: Snapshot, counts: dict[str, int], entry: RosterEntry) -> str:
        """Where the employee stands in the group; not in it: missing if the group is for them
        (active, in its scope), else not applicable: never a blank that could mean either."""
        parts = []
        for c in snap.results:
            if c.entry is not None and c.entry.id == entry.id:
                status = self.translate(f"status-{c.status}")
                live = counts.get(c.member.key, 0)
                warn = self.translate("export-warnings-short", count=live) if live else ""
                parts.append(" · ".join(p for p in (c.member.display, status, warn) if p))
        if parts:
            return "\n".join(parts)
        if entry.active and snap.group.config.scope.admits(entry):
            return self.translate("status-missing")
        return self.translate("export-not-applicable")

    def _group_sheet(
        self, book: Workbook, snap: Snapshot, counts: dict[str, int], taken: set[str]
    ) -> None:
        sheet = book.create_sheet(sheet_title(label(snap.group), taken))
        header = [
            self.translate("export-col-display"),
            self.translate("export-col-status"),
            self.translate("export-col-name"),
            self.translate("export-col-employee-no"),
            self.translate("export-col-department"),
            self.translate("export-col-expected"),
            self.translate("export-col-warnings"),
        ]
        rows: list[list[Cell]] = []
        for c in snap.results:
            entry = c.entry
            rows.append(
                [
                    c.member.display,
                    self.translate(f"status-{c.status}"),
                    entry.name if entry else "",
                    (entry.employee_no or "") if entry else "",
                    entry.department if entry else "",
                    c.expected or "",
                    counts.get(c.member.key, 0),
                ]
            )
        for entry in snap.missing:
            rows.append(
                [
                    "",
                    self.translate("status-missing"),
                    entry.name,
                    entry.employee_no or "",
                    entry.department,
                    "",
                    0,
                ]
            )
        write_table(sheet, header, rows)


def export_name(now: datetime, label: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in label)[:40]
    return f"roster-{safe}-{now:%Y%m%d-%H%M%S}.xlsx"
