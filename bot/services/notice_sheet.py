"""Notices read back: who acknowledged each notice and when, as the replay report's
`notices` and as a sheet (in `/roster export` and `qunguan notices export`).

Every cell goes through `write_table`, which keeps text a spreadsheet would run as a
formula (a notice starting with `=`) as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.group import GroupRuntime
from bot.i18n import Translator
from bot.services import notice_store
from bot.services.spreadsheet import Cell, save_table, sheet_title, write_table
from bot.storage.models import Notice, NoticeAck

if TYPE_CHECKING:
    from openpyxl import Workbook


async def history(group: GroupRuntime) -> list[tuple[Notice, dict[str, NoticeAck]]]:
    """Every notice of the group, oldest first, with its acknowledgements by responder."""
    notices = await Notice.filter(group_id=group.db_id).order_by("opened_at", "id")
    return [(notice, await notice_store.acks(notice)) for notice in notices]


def _iso(moment: datetime, group: GroupRuntime) -> str:
    return moment.astimezone(group.tz).isoformat()


async def summary(group: GroupRuntime) -> list[dict[str, Any]]:
    """The report's `notices` of a group: each notice, its expected responders (display
    names when it was posted), who acknowledged when (late or not), and who never did."""
    out = []
    for notice, acks in await history(group):
        expected = notice_store.expected(notice)
        out.append(
            {
                "text": notice.text,
                "by": notice.sender,
                "at": _iso(notice.opened_at, group),
                "deadline": _iso(notice.deadline, group),
                "expected": [r.display for r in expected],
                "acknowledged": [
                    {
                        "member": r.display,
                        "at": _iso(acks[r.key].at, group),
                        "late": acks[r.key].late,
                    }
                    for r in expected
                    if r.key in acks
                ],
                "waiting": [r.display for r in expected if r.key not in acks],
            }
        )
    return out


async def rows(groups: Sequence[GroupRuntime], t: Translator) -> list[list[Cell]]:
    """One row per expected responder of every notice: the notice, its tally, the answer."""
    out: list[list[Cell]] = []
    for group in groups:
        for notice, acks in await history(group):
            expected = notice_store.expected(notice)
            tally = f"{sum(r.key in acks for r in expected)}/{len(expected)}"
            head: list[Cell] = [
                group.config.name,
                notice.text,
                f"{notice.opened_at.astimezone(group.tz):%Y-%m-%d %H:%M}",
                f"{notice.deadline.astimezone(group.tz):%Y-%m-%d %H:%M}",
                tally,
            ]
            for r in expected:
                ack = acks.get(r.key)
                state = "none" if ack is None else "late" if ack.late else "ontime"
                when = f"{ack.at.astimezone(group.tz):%Y-%m-%d %H:%M}" if ack else ""
                out.append([*head, r.display, r.label, t(f"notice-ack-{state}"), when])
    return out


def header(t: Translator) -> list[str]:
    keys = ("group", "notice", "posted", "deadline", "tally", "member", "employee", "state", "at")
    return [t(f"notice-col-{key}") for key in keys]


async def add_sheet(
    book: Workbook, groups: Sequence[GroupRuntime], t: Translator, taken: set[str]
) -> int:
    """Add the notices sheet to `book` if any of `groups` has a notice; the rows written."""
    found = await rows(groups, t)
    if found:
        sheet = book.create_sheet(sheet_title(t("notice-sheet"), taken))
        write_table(sheet, header(t), found)
    return len(found)


async def write(groups: Sequence[GroupRuntime], path: Path, t: Translator) -> int:
    """A workbook of its own (`qunguan notices export`); the rows written."""
    return save_table(path, t("notice-sheet"), header(t), await rows(groups, t))
