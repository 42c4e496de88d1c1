"""A roster file as read: its records, the errors of its rows, and the rule that one person
has one row (bot.services.roster_import.records reads the file into these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class RowError:
    row: int
    column: str | None  # the column letter, as a spreadsheet shows it
    header: str | None  # the column's header text
    key: str  # import-error-…
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class Record:
    row: int
    values: dict[str, Any]


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


def mark_duplicates(parsed: ParsedFile) -> None:
    """One person, one row: the same 工号 twice is an error on the later row; so are two rows
    with the same name and department unless each has a 工号 of its own (namesakes)."""
    numbers: dict[str, int] = {}
    names: dict[tuple[str, str], list[tuple[int, bool]]] = {}
    kept = []
    for record in parsed.records:
        number = record.values.get("employee_no")
        same = names.setdefault((record.values["name"], record.values["department"]), [])
        if number and number in numbers:
            column, first = "employee_no", numbers[number]
        elif same and (not number or not all(numbered for _, numbered in same)):
            column, first = "name", same[0][0]
        else:
            if number:
                numbers[number] = record.row
            same.append((record.row, bool(number)))
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
