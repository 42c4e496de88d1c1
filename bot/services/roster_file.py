"""Roster files with the scenario's columns (xlsx or csv), as `roster_file:` points to.

The header row names the columns, in English (the scenario keys) or Chinese. HR exports
from WeCom and DingTalk are handled by the importer (`qunguan roster import`).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from contextlib import closing
from pathlib import Path

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
    "hired": ("hired", "入职日期", "入职时间"),
}
_BY_HEADER = {alias.casefold(): key for key, aliases in HEADERS.items() for alias in aliases}
_TRUE = {"1", "true", "yes", "y", "是", "√", "✓"}


def read_rows(path: Path) -> Generator[tuple[int, list[str]], None, None]:
    """(row number, cell texts) of a csv or the first sheet of an xlsx, within the importer's
    limits (bot.services.roster_import.limits): a hostile file is refused, never worked on.
    The importer (and openpyxl) is loaded here, when a file is read: the scenario and config
    modules that import this one do not load it for a roster given inline."""
    from bot.services.roster_import.sheet import open_sheet

    with open_sheet(path, None) as sheets:
        if sheets:
            yield from sheets[0].rows


def load_roster_file(path: Path, where: str = "org.roster_file") -> list[EmployeeIn]:
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ConfigError(where, f"expected a .xlsx or .csv file, got {path.name}")
    if not path.is_file():
        raise ConfigError(where, f"no such file: {path}")
    with closing(read_rows(path)) as rows:  # an error mid-file closes the workbook at once
        return _employees(rows, where)


def _employees(rows: Iterator[tuple[int, list[str]]], where: str) -> list[EmployeeIn]:
    from bot.services.roster_import.formats import status_word

    columns: list[str | None] | None = None
    out: list[EmployeeIn] = []
    seen = _Seen(where)
    for number, cells in rows:
        values = [c.strip() for c in cells]
        if not any(values):
            continue
        if columns is None:
            columns = [_BY_HEADER.get(v.casefold()) for v in values]
            missing = [k for k in ("name", "department") if k not in columns]
            if missing:
                raise ConfigError(f"{where} row {number}", f"no {missing[0]!r} column in header")
            continue
        fields = {k: v for k, v in zip(columns, values, strict=False) if k and v}
        _no_controls(f"{where} row {number}", fields)
        record: dict[str, object] = dict(fields)
        if "exec" in fields:
            record["exec"] = fields["exec"].casefold() in _TRUE
        if "status" in fields:
            state = status_word(fields["status"])
            if state is None:
                raise ConfigError(
                    f"{where} row {number} column status",
                    f"expected 在职/active or 离职/departed, got {fields['status']!r}",
                )
            record["status"] = state or "active"
        try:
            out.append(seen.check(number, EmployeeIn.model_validate(record)))
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0])
            raise ConfigError(
                f"{where} row {number} column {field}", "required but missing or invalid"
            ) from None
    return out


class _Seen:
    """One person, one row (as in `qunguan roster import`): the same 工号 twice, or the same
    name and department twice unless both rows have a 工号 of their own."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.numbers: dict[str, int] = {}
        self.names: dict[tuple[str, str], list[tuple[int, bool]]] = {}

    def check(self, number: int, employee: EmployeeIn) -> EmployeeIn:
        no = employee.employee_no
        same = self.names.setdefault((employee.name, employee.department), [])
        first = self.numbers.get(no) if no else None
        if first is None and same and (not no or not all(n for _, n in same)):
            first = same[0][0]
        if first is not None:
            raise ConfigError(
                f"{self.where} row {number}", f"the same person as row {first} (a duplicate)"
            )
        if no:
            self.numbers[no] = number
        same.append((number, bool(no)))
        return employee


def _no_controls(where: str, fields: dict[str, str]) -> None:
    from bot.services.roster_import.fields import Problem, check_controls

    for key, text in fields.items():
        try:
            check_controls([text])
        except Problem as problem:
            char = problem.args_["char"]
            raise ConfigError(f"{where} column {key}", f"a control character {char}") from None


def load_org_config(path: Path) -> tuple[StrictOrgConfig, list[EmployeeIn]]:
    """Read and validate a config file; return it with its roster (inline or `roster_file`,
    relative to the config file)."""
    config = read_org_config(path)
    if config.org.roster_file:
        roster = load_roster_file((path.parent / config.org.roster_file).resolve())
    else:
        roster = list(config.org.roster or [])
    return config, roster
