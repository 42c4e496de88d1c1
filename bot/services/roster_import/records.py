"""From a roster file to records: the header row found, each row checked cell by cell.

Every problem becomes a `RowError` with the row number and column letter a spreadsheet
shows, and a message key (locales/*/hr.ftl: import-error-…); nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from bot.core.errors import ConfigError
from bot.services.roster_import import formats as fm
from bot.services.roster_import.fields import PARSERS, Problem, check_controls
from bot.services.roster_import.parsed import (
    NO_ALIASES,
    Duplicates,
    ParsedFile,
    Record,
    RowError,
)
from bot.services.roster_import.sheet import HEADER_SCAN, Row, Sheet, open_sheet

__all__ = ["ParsedFile", "Record", "RowError", "parse_file", "read_records"]
SHARED = frozenset({"department", "title", "status"})
ANY_FORMAT = fm.Format(
    "any",
    {
        f: tuple(n for fmt in fm.FORMATS.values() for n in fmt.columns.get(f, ()))
        for f in fm.FIELDS
    },
    (),
)


def parse_file(path: Path, format_name: str = "auto", sheet: str | None = None) -> ParsedFile:
    """Read and check every row of `path`; bad rows are collected, never dropped silently."""
    with read_records(path, format_name, sheet) as (parsed, records):
        parsed.records = list(records)
    return parsed


@contextmanager
def read_records(
    path: Path, format_name: str = "auto", sheet: str | None = None
) -> Iterator[tuple[ParsedFile, Iterator[Record]]]:
    """The file's header read, and its records as they are read (a row with an error, or a
    person's second row, is not one: it is in `errors` once read); the file is closed when
    the block ends. `errors` is complete, in row order, once the records are."""
    if format_name != "auto" and format_name not in fm.FORMATS:
        expected = ", ".join(["auto", *fm.FORMATS])
        raise ConfigError("--format", f"expected one of {expected}, got {format_name!r}")
    with open_sheet(path, sheet) as sheets:
        for candidate in sheets:
            found = _find_header(candidate, format_name)
            if found is not None:
                parsed, rows = found
                parsed.path = path
                yield parsed, _records(parsed, rows)
                return
    where = f"sheet {sheet!r}" if sheet else "any sheet"
    raise ConfigError(
        str(path),
        f"no header row with 姓名 (name) and 部门 (department) in the first {HEADER_SCAN} rows "
        f"of {where}",
    )


def _records(parsed: ParsedFile, rows: Iterator[Row]) -> Iterator[Record]:
    duplicates = Duplicates(parsed)
    for number, row in rows:
        record = _parse_row(parsed, number, row)
        if record is not None and duplicates.fresh(record):
            yield record
    parsed.errors.sort(key=lambda e: (e.row, e.column or ""))


def _find_header(sheet: Sheet, format_name: str) -> tuple[ParsedFile, Iterator[Row]] | None:
    head: list[Row] = []
    for item in sheet.rows:
        head.append(item)
        if len(head) >= HEADER_SCAN:
            break
    scoring = fm.FORMATS.get(format_name, ANY_FORMAT)
    best, score = None, 0
    for position, (_, cells) in enumerate(head):
        columns = fm.map_columns(scoring, cells)
        if all(f in columns for f in fm.REQUIRED) and len(columns) > score:
            best, score = position, len(columns)
    if best is None:
        return None
    number, headers = head[best]
    fmt = fm.FORMATS.get(format_name) or fm.detect(headers)
    columns = fm.map_columns(fmt, headers)
    parsed = ParsedFile(
        path=Path(),
        format=fmt.name,
        sheet=sheet.name,
        header_row=number,
        fields=set(columns),
        columns=columns,
        letters={f: get_column_letter(idx[0] + 1) for f, idx in columns.items()},
        headers={f: headers[idx[0]] for f, idx in columns.items()},
        header_row_texts=headers,
    )

    def rows(after: int) -> Iterator[Row]:
        yield from head[after + 1 :]
        yield from sheet.rows

    return parsed, rows(best)


def _parse_row(parsed: ParsedFile, number: int, row: list[str]) -> Record | None:
    if not any(row):
        return None  # blank rows are normal in hand-made files
    parsed.rows_read += 1
    values: list[Any] = []
    ok = True
    for name, indexes in parsed.columns.items():
        texts = [row[i] if i < len(row) else "" for i in indexes]
        try:
            check_controls(texts)
            values.append(_shared(parsed, name, PARSERS[name](texts)))
        except Problem as problem:
            ok = False
            column = indexes[min(problem.index, len(indexes) - 1)]  # the one holding the fault
            texts_ = parsed.header_row_texts
            header = texts_[column] if column < len(texts_) else parsed.headers[name]
            letter = get_column_letter(column + 1)
            parsed.errors.append(RowError(number, letter, header, problem.key, problem.args_))
    return Record(number, parsed.names, tuple(values)) if ok else None


def _shared(parsed: ParsedFile, name: str, value: Any) -> Any:
    """A department, title or status held once for every row that has it (memory)."""
    if name in SHARED and isinstance(value, str):
        return parsed.texts.setdefault(value, value)
    if value == []:
        return NO_ALIASES
    return value
