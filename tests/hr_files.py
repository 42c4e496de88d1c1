"""Realistic HR files for the import tests, built with openpyxl as the HR systems lay them out:
title and note rows above the header, merged cells, blank rows, stray and full-width spaces,
department paths, several departments, status columns."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from bot.services.spreadsheet import new_workbook

COMPANY = "重庆示例实业有限公司"


def _save(book: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def wecom(
    path: Path, people: list[dict[str, Any]], *, extra_rows: Sequence[list[Any]] = ()
) -> Path:
    """A WeCom contacts export: a merged notice row, the header on row 3, paths in 部门."""
    book, sheet = new_workbook()
    sheet.title = "通讯录"
    header = ["姓名", "账号", "别名", "职务", "部门", "性别", "手机", "座机", "企业邮箱"]
    header += ["激活状态", "禁用状态"]
    sheet.append([f"{COMPANY} 通讯录（导出时间：2026-11-20 09:12）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(["注：部门以“/”分隔层级，多个部门以“;”分隔；第一个为主部门。"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    sheet.append(header)
    for p in people:
        sheet.append(
            [
                p["name"],
                p.get("account"),
                p.get("alias"),
                p.get("title"),
                p["department"],
                p.get("gender", "男"),
                p.get("phone"),
                "023-6666" + str(len(p["name"])),
                f"{p.get('account', 'x')}@example.com",
                p.get("active", "已激活"),
                p.get("disabled", "启用"),
            ]
        )
    for row in extra_rows:
        sheet.append(row)
    return _save(book, path)


def dingtalk(path: Path, people: list[dict[str, Any]], *, blank_every: int = 0) -> Path:
    """A DingTalk roster export: two title rows, a blank row, the header on row 4, a
    department merged down over the people of one team, blank rows in between."""
    book, sheet = new_workbook()
    sheet.title = "花名册"
    sheet.append([f"{COMPANY}员工花名册"])
    sheet.append(["导出人：行政人事部-李四", None, "导出时间：2026-11-20"])
    sheet.append([])
    header = ["工号", "姓名", "部门", "职位", "手机号", "员工状态", "入职时间", "办公地点"]
    sheet.append([f" {h} " for h in header])  # trailing spaces, as exports have
    first = sheet.max_row + 1
    for i, p in enumerate(people):
        sheet.append(
            [
                p.get("no"),
                p["name"],
                p["department"],
                p.get("title"),
                p.get("phone"),
                p.get("status", "正式"),
                "2024-03-01",
                "重庆",
            ]
        )
        if blank_every and (i + 1) % blank_every == 0:
            sheet.append([])
    merge = [i for i, p in enumerate(people) if p.get("merged")]
    if merge:
        top, bottom = first + merge[0], first + merge[-1]
        for row in range(top + 1, bottom + 1):
            sheet.cell(row=row, column=3).value = None
        sheet.merge_cells(start_row=top, start_column=3, end_row=bottom, end_column=3)
    return _save(book, path)


TEMPLATE_HEADER = ["姓名", "部门", "职务", "手机", "工号", "别名", "高管", "状态"]


def template_xlsx(path: Path, rows: list[list[Any]], *, title: bool = True) -> Path:
    """The project's own template: an optional title row, then the header."""
    book, sheet = new_workbook()
    sheet.title = "员工名单"
    if title:
        sheet.append(["员工名单（请勿修改表头）"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    sheet.append(TEMPLATE_HEADER)
    for row in rows:
        sheet.append(row)
    return _save(book, path)


def template_csv(path: Path, rows: list[list[Any]], *, encoding: str = "utf-8-sig") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(TEMPLATE_HEADER)
        writer.writerows(rows)
    return path
