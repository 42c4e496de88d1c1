"""Reading an xlsx workbook from outside, within the limits (bot.services.roster_import.limits).

The zip directory is checked before openpyxl opens the file (for the shared strings, styles
and sheet list); each sheet's claimed dimension before its rows are read; then the sheet's XML
is streamed cell by cell (expat, bot.services.roster_import.cells), so only cells that are in
the file cost anything: a stray cell at XFD1 or A1048576 is refused by name, never padded out
to a billion empty ones. Corrupt XML, a truncated part or a shared-string index that does
not exist is one error naming the row.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chartsheet.chartsheet import Chartsheet
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from bot.core.errors import ConfigError
from bot.services.roster_import import limits
from bot.services.roster_import.book import load_read_only
from bot.services.roster_import.cells import Cell, SheetReader

# What openpyxl and zipfile raise on a damaged file (expat's ParseError is a SyntaxError).
DAMAGED: tuple[type[Exception], ...] = (SyntaxError, ValueError, TypeError, KeyError, IndexError)
DAMAGED += (AttributeError, OverflowError, EOFError, OSError, zipfile.BadZipFile, zlib.error)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
SparseRow = tuple[int, list[object]]  # (row number, values up to the last one in the file)


def open_book(path: Path) -> Workbook:
    """The workbook, streamed (openpyxl read-only), once its zip directory passed the limits."""
    limits.check_archive(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_read_only(path)
    except DAMAGED as exc:
        raise ConfigError(str(path), f"not a readable xlsx workbook ({exc})") from None


class _Strings:
    """The shared-string table, refusing an index it does not have (a negative one too)."""

    def __init__(self, items: Any, where: str) -> None:
        self.items, self.where = items, where

    def __call__(self, index: int, row: int, col: int) -> Any:
        if 0 <= index < len(self.items):
            return self.items[index]
        raise ConfigError(
            f"{self.where} cell {get_column_letter(max(col, 1))}{row}",
            f"shared string #{index} does not exist (the file has {len(self.items)})",
        )


def sheet_values(book: Workbook, name: str, where: str) -> Iterator[SparseRow]:
    """Each row that has a value: (row number, values from column A to its last value)."""
    sheet = book[name]
    if isinstance(sheet, Chartsheet):
        return  # a chart has no rows
    archive, member = _part(book, sheet)
    # openpyxl read the sheet's claimed dimension when it opened the workbook
    limits.check_dimension(where, _claimed(sheet, "_max_row"), _claimed(sheet, "_max_column"))
    try:
        with archive.open(member) as src:
            reader = SheetReader(
                _Strings(getattr(sheet, "_shared_strings", []), where),
                book.epoch,
                set(getattr(book, "_date_formats", set())),
                set(getattr(book, "_timedelta_formats", set())),
            )
            yield from _rows(reader, reader.rows(src), where)
    except DAMAGED as exc:
        raise ConfigError(where, f"the sheet's XML is damaged ({exc})") from None


def _rows(
    reader: SheetReader, read: Iterator[tuple[int, list[Cell]]], where: str
) -> Iterator[SparseRow]:
    for number, cells in read:
        if reader.seen > limits.MAX_CELLS:
            raise ConfigError(where, f"more than {limits.MAX_CELLS:,} cells")
        values: dict[int, object] = {}
        for row, col, value in cells:
            if row > limits.MAX_ROWS or col > limits.MAX_COLUMNS:
                raise ConfigError(
                    f"{where} cell {get_column_letter(col)}{row}",
                    f"a value beyond the last row ({limits.MAX_ROWS:,}) or column "
                    f"({get_column_letter(limits.MAX_COLUMNS)}) read; delete it",
                )
            values[col] = value
        if values:
            yield number, [values.get(c) for c in range(1, max(values) + 1)]


def merged_ranges(book: Workbook, name: str, where: str) -> list[CellRange]:
    """The merged ranges, from the sheet's raw XML before its rows are parsed, cut to the
    columns read (openpyxl's streaming reader does not expose them, and they sit after all
    the rows)."""
    sheet = book[name]
    if isinstance(sheet, Chartsheet):
        return []
    archive, member = _part(book, sheet)
    refs: set[bytes] = set()
    tail = b""
    try:
        with archive.open(member) as xml:
            while chunk := xml.read(1 << 20):
                block = tail + chunk  # an element cut by the chunk boundary is whole here
                refs.update(_MERGE.findall(block))
                tail = block[-256:]
                if len(refs) > limits.MAX_MERGED:
                    raise ConfigError(where, f"more than {limits.MAX_MERGED:,} merged ranges")
        ranges = [CellRange(ref.decode()) for ref in refs]
    except DAMAGED as exc:
        raise ConfigError(where, f"the sheet's XML is damaged ({exc})") from None
    for rng in ranges:
        rng.max_col = min(rng.max_col, limits.MAX_COLUMNS)
    return [r for r in ranges if r.min_col <= r.max_col]


def _claimed(sheet: object, name: str) -> int:
    value = getattr(sheet, name, None)
    return int(value) if isinstance(value, int) else 0


def _part(book: Workbook, sheet: object) -> tuple[zipfile.ZipFile, str]:
    archive = getattr(book, "_archive", None)
    member = getattr(sheet, "_worksheet_path", None)
    if not isinstance(archive, zipfile.ZipFile) or not isinstance(member, str):
        raise ConfigError(str(getattr(sheet, "title", "?")), "not a streamed xlsx sheet")
    return archive, member
