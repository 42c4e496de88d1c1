"""Reading a roster file as rows of text: xlsx (streamed, merged cells filled) or csv.

Real HR files have title and note rows above the header, merged cells, blank rows, and
stray spaces: the header row is found by its column names within the first `HEADER_SCAN`
rows; a merged range takes its top-left value in every cell (a department merged down a
block of rows belongs to each of them). Large files are streamed (openpyxl read-only);
merged ranges, stored at the end of the sheet, are read first from the sheet's XML.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from bot.core.errors import ConfigError
from bot.services.roster_import import limits, xlsx

HEADER_SCAN = 30
SNIFF = 8192  # characters the CSV dialect is guessed from
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")
SUFFIXES = (".xlsx", ".xlsm", ".csv")
Row = tuple[int, list[str]]  # (row number, cell texts)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious `.0`, dates as ISO, spaces trimmed."""
    if type(value) is str:  # nearly every cell: the other tests skipped
        return value.translate(_INVISIBLE).strip().strip("\u3000\xa0").strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value).translate(_INVISIBLE)
    return text.strip().strip("\u3000\xa0").strip()


@dataclass
class Sheet:
    """One sheet's rows as (row number, cell texts)."""

    name: str
    rows: Iterator[tuple[int, list[str]]]
    names: list[str]  # every sheet of the file, for error messages


@contextmanager
def open_sheet(path: Path, sheet: str | None) -> Iterator[list[Sheet]]:
    """The sheets to look for a header in: the one named, else every sheet in order. The
    workbook is closed when the block ends."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ConfigError(str(path), "old .xls workbooks are not read: save it as .xlsx")
    if suffix not in SUFFIXES:
        raise ConfigError(str(path), f"expected a .xlsx or .csv file, got {path.name}")
    if not path.is_file():
        raise ConfigError(str(path), "no such file")
    if suffix == ".csv":
        if sheet is not None:
            raise ConfigError("--sheet", "a csv file has no sheets")
        yield [Sheet(path.stem, _csv_rows(path), [path.stem])]
        return
    book = xlsx.open_book(path)
    try:
        yield _xlsx_sheets(book, path, sheet)
    finally:
        book.close()


def _xlsx_sheets(book: Workbook, path: Path, wanted: str | None) -> list[Sheet]:
    names = list(book.sheetnames)
    if wanted is not None and wanted not in names:
        raise ConfigError("--sheet", f"no sheet {wanted!r}; the file has {', '.join(names)}")
    chosen = [wanted] if wanted is not None else names
    return [
        Sheet(name, _xlsx_rows(book, name, f"{path} sheet {name!r}"), names) for name in chosen
    ]


def _xlsx_rows(book: Workbook, name: str, where: str) -> Iterator[tuple[int, list[str]]]:
    pending = sorted(xlsx.merged_ranges(book, name, where), key=lambda r: r.min_row)
    active: list[tuple[CellRange, str]] = []
    for number, values in xlsx.sheet_values(book, name, where):
        row = [cell_text(v) for v in values]
        while pending and pending[0].min_row <= number:
            rng = pending.pop(0)
            if rng.min_row == number:  # a range whose first row is blank has no value
                top_left = row[rng.min_col - 1] if rng.min_col <= len(row) else ""
                active.append((rng, top_left))
        active = [(r, v) for r, v in active if r.max_row >= number]
        if not any(row):
            yield number, row  # a blank row stays blank, even inside a merged block
            continue
        for rng, value in active:
            if len(row) < rng.max_col:
                row.extend([""] * (rng.max_col - len(row)))
            for col in range(rng.min_col - 1, rng.max_col):
                row[col] = row[col] or value
        yield number, row


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    limits.check_file_size(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ConfigError(str(path), "the file is neither UTF-8 nor GB18030 text")
    try:
        dialect = csv.Sniffer().sniff(text[:SNIFF], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = cells = 0
    try:
        for number, values in enumerate(reader, start=1):
            cells += len(values)
            if cells > limits.MAX_CELLS:
                raise ConfigError(f"{path} row {number}", f"more than {limits.MAX_CELLS:,} cells")
            yield number, _csv_cells(path, number, values)
    except csv.Error as exc:  # a field over csv's own limit (131,072 characters)
        raise ConfigError(f"{path} row {number + 1}", f"not readable as CSV ({exc})") from None


def _csv_cells(path: Path, number: int, values: list[str]) -> list[str]:
    if number > limits.MAX_ROWS:
        raise ConfigError(f"{path} row {number}", f"at most {limits.MAX_ROWS:,} rows are read")
    if len(values) > limits.MAX_COLUMNS:
        raise ConfigError(
            f"{path} row {number}",
            f"{len(values):,} columns; at most {limits.MAX_COLUMNS} are read",
        )
    for index, value in enumerate(values):
        if len(value) > limits.MAX_FIELD:
            raise ConfigError(
                f"{path} row {number} column {get_column_letter(index + 1)}",
                f"{len(value):,} characters; at most {limits.MAX_FIELD:,} in one cell",
            )
    return [cell_text(v) for v in values]
