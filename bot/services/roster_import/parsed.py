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


def mark_duplicates(parsed: ParsedFile) -> None:
    """One person, one row: the same 工号 twice is an error on the later row; so are two rows
    with the same name and department unless each has a 工号 of its own (namesakes)."""
    numbers: dict[str, int] = {}
    # (name, department) → (first row, whether every row kept with them has a 工号)
    names: dict[tuple[str, str], tuple[int, bool]] = {}
    kept = []
    for record in parsed.records:
        number = record.get("employee_no")
        key = (record.get("name"), record.get("department"))
        same = names.get(key)
        if number and number in numbers:
            column, first = "employee_no", numbers[number]
        elif same and (not number or not same[1]):
            column, first = "name", same[0]
        else:
            if number:
                numbers[number] = record.row
            names[key] = (
                (same[0], same[1] and bool(number)) if same else (record.row, bool(number))
            )
            kept.append(record)
            continue
        parsed.errors.append(
            RowError(
                record.row,
                parsed.letters[column],
                parsed.headers[column],
                "import-error-duplicate",
                {"first": first},
            )
        )
    parsed.records = kept
    parsed.errors.sort(key=lambda e: (e.row, e.column or ""))
