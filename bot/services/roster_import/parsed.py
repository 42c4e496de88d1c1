"""A roster file as read: its records, the errors of its rows, and the rule that one person
has one row (bot.services.roster_import.records reads the file into these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NO_ALIASES: tuple[str, ...] = ()  # a record's empty alias list (one object for all)


@dataclass
class RowError:
    row: int
    column: str | None  # the column letter, as a spreadsheet shows it
    header: str | None  # the column's header text
    key: str  # import-error-…
    args: dict[str, Any] = field(default_factory=dict)


class Record:
    """One row's values, compact: the field names are shared by every record of a file."""

    __slots__ = ("data", "names", "row")

    def __init__(self, row: int, names: tuple[str, ...], data: tuple[Any, ...]) -> None:
        self.row, self.names, self.data = row, names, data

    @property
    def values(self) -> dict[str, Any]:
        return {n: _out(v) for n, v in zip(self.names, self.data, strict=True)}

    def get(self, name: str) -> Any:
        return _out(self.data[self.names.index(name)]) if name in self.names else None


def _out(value: Any) -> Any:
    return [] if value is NO_ALIASES else value  # one shared empty tuple, stored


@dataclass
class ParsedFile:
    path: Path
    format: str
    sheet: str
    header_row: int
    fields: set[str]
    columns: dict[str, list[int]]  # field → column indexes it is read from
    letters: dict[str, str]  # field → column letter
    headers: dict[str, str]  # field → header text
    header_row_texts: list[str] = field(default_factory=list)  # every header cell, in order
    records: list[Record] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows_read: int = 0  # rows below the header with a value (records, errors, duplicates)
    names: tuple[str, ...] = field(init=False)  # the fields of each record's data, in order
    texts: dict[str, str] = field(init=False, default_factory=dict)  # shared texts

    def __post_init__(self) -> None:
        self.names = tuple(self.columns)


class Duplicates:
    """One person, one row: the same 工号 twice is an error on the later row; so are two rows
    with the same name and department unless each has a 工号 of its own (namesakes). Checked
    row by row, in file order: whether a row is a duplicate depends on the rows above it only."""

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        self.numbers: dict[str, int] = {}  # 工号 → its row
        self.names: dict[tuple[str, str], int] = {}  # (name, department) → its first row
        self.unnumbered: set[tuple[str, str]] = set()  # … when a row kept with it has no 工号

    def fresh(self, record: Record) -> bool:
        """Whether `record` is no one's second row (if it is, its error is added)."""
        number = record.get("employee_no")
        key = (record.get("name"), record.get("department"))
        first = self.names.get(key)
        if number and number in self.numbers:
            column, first = "employee_no", self.numbers[number]
        elif first is None or (number and key not in self.unnumbered):
            if number:
                self.numbers[number] = record.row
            else:
                self.unnumbered.add(key)
            self.names.setdefault(key, record.row)
            return True
        else:
            column = "name"
        parsed = self.parsed
        parsed.errors.append(
            RowError(
                record.row,
                parsed.letters[column],
                parsed.headers[column],
                "import-error-duplicate",
                {"first": first},
            )
        )
        return False
