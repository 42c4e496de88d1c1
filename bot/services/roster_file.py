"""Roster files with the scenario's columns (xlsx or csv), as `roster_file:` points to.

The header row names the columns, in English (the scenario keys) or Chinese. HR exports
from WeCom and DingTalk are handled by the importer (`qunguan roster import`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook
from pydantic import ValidationError

from bot.core.config_file import StrictOrgConfig, read_org_config
from bot.core.employees import EmployeeIn
from bot.core.errors import ConfigError

HEADERS = {
    "name": ("name", "姓名"),
    "department": ("department", "部门"),
    "title": ("title", "职务", "职位"),
    "phone": ("phone", "手机", "手机号", "电话"),
    "employee_no": ("employee_no", "工号"),
    "aliases": ("aliases", "别名"),
    "exec": ("exec", "高管"),
    "status": ("status", "状态"),
    "wechat_id": ("wechat_id", "微信号"),
    "telegram_id": ("telegram_id", "telegram"),
}
_BY_HEADER = {alias.casefold(): key for key, aliases in HEADERS.items() for alias in aliases}
_TRUE = {"1", "true", "yes", "y", "是", "√", "✓"}
_DEPARTED = {"departed", "离职", "已离职"}


def read_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    """(row number, cells) of a csv or the first sheet of an xlsx."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from enumerate(csv.reader(handle), start=1)
        return
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        book.close()


def load_roster_file(path: Path, where: str = "org.roster_file") -> list[EmployeeIn]:
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ConfigError(where, f"expected a .xlsx or .csv file, got {path.name}")
    if not path.is_file():
        raise ConfigError(where, f"no such file: {path}")
    columns: list[str | None] | None = None
    out: list[EmployeeIn] = []
    for number, cells in read_rows(path):
        values = ["" if c is None else str(c).strip() for c in cells]
        if not any(values):
            continue
        if columns is None:
            columns = [_BY_HEADER.get(v.casefold()) for v in values]
            missing = [k for k in ("name", "department") if k not in columns]
            if missing:
                raise ConfigError(f"{where} row {number}", f"no {missing[0]!r} column in header")
            continue
        fields = {k: v for k, v in zip(columns, values, strict=False) if k and v}
        record: dict[str, object] = dict(fields)
        if "exec" in fields:
            record["exec"] = fields["exec"].casefold() in _TRUE
        if "status" in fields:
            record["status"] = "departed" if fields["status"] in _DEPARTED else "active"
        try:
            out.append(EmployeeIn.model_validate(record))
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0])
            raise ConfigError(
                f"{where} row {number} column {field}", "required but missing or invalid"
            ) from None
    return out


def load_org_config(path: Path) -> tuple[StrictOrgConfig, list[EmployeeIn]]:
    """Read and validate a config file; return it with its roster (inline or `roster_file`,
    relative to the config file)."""
    config = read_org_config(path)
    if config.org.roster_file:
        roster = load_roster_file((path.parent / config.org.roster_file).resolve())
    else:
        roster = list(config.org.roster or [])
    return config, roster
