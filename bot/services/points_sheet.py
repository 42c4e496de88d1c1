"""The points history as a sheet: every month of every group, ranked (in `/roster export`
when a group keeps points, and `qunguan points export`). Cells go through `write_table`,
so a name a spreadsheet would run as a formula stays text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.group import GroupRuntime
from bot.i18n import Translator
from bot.services.points import PointsService
from bot.services.spreadsheet import Cell, save_table, sheet_title, write_table
from bot.storage.models import PointEntry

if TYPE_CHECKING:
    from openpyxl import Workbook


async def rows(points: PointsService, groups: Sequence[GroupRuntime]) -> list[list[Cell]]:
    """(month, group, rank, member, points), newest month first."""
    out: list[list[Cell]] = []
    for group in groups:
        months = (
            await PointEntry.filter(group_id=group.db_id)
            .distinct()
            .values_list("month", flat=True)
        )
        for month in sorted({str(m) for m in months}, reverse=True):
            for score in await points.scores(group, month):
                out.append([month, group.name, score.rank, score.label, score.total])
    return out


def header(t: Translator) -> list[str]:
    return [t(f"points-col-{key}") for key in ("month", "group", "rank", "name", "points")]


async def add_sheet(
    book: Workbook,
    points: PointsService,
    groups: Sequence[GroupRuntime],
    t: Translator,
    taken: set[str],
) -> int:
    """Add the points sheet when any of `groups` has points; the rows written."""
    found = await rows(points, groups)
    if found:
        write_table(book.create_sheet(sheet_title(t("points-sheet"), taken)), header(t), found)
    return len(found)


async def write(
    points: PointsService, groups: Sequence[GroupRuntime], path: Path, t: Translator
) -> int:
    """A workbook of its own (`qunguan points export`); the rows written."""
    return save_table(path, t("points-sheet"), header(t), await rows(points, groups))
