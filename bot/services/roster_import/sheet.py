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
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.chartsheet.chartsheet import Chartsheet
from openpyxl.worksheet.cell_range import CellRange

from bot.core.errors import ConfigError

HEADER_SCAN = 30
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
SUFFIXES = (".xlsx", ".xlsm", ".csv")
Row = tuple[int, list[str]]  # (row number, cell texts)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious `.0`, dates as ISO, spaces trimmed."""
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


def open_sheet(path: Path, sheet: str | None) -> list[Sheet]:
    """The sheets to look for a header in: the one named, else every sheet in order."""
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
        return [Sheet(path.stem, _csv_rows(path), [path.stem])]
    return _xlsx_sheets(path, sheet)


def _xlsx_sheets(path: Path, wanted: str | None) -> list[Sheet]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ConfigError(str(path), f"not a readable xlsx workbook ({exc})") from None
    names = list(book.sheetnames)
    if wanted is not None and wanted not in names:
        raise ConfigError("--sheet", f"no sheet {wanted!r}; the file has {', '.join(names)}")
    chosen = [wanted] if wanted is not None else names
    return [Sheet(name, _xlsx_rows(book, name), names) for name in chosen]


def _xlsx_rows(book: Workbook, name: str) -> Iterator[tuple[int, list[str]]]:
    sheet = book[name]
    if isinstance(sheet, Chartsheet):
        return  # a chart has no rows
    merges = _merged_ranges(book, sheet)
    pending = sorted(merges, key=lambda r: r.min_row)
    active: list[tuple[CellRange, str]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        row = [cell_text(v) for v in values]
        while pending and pending[0].min_row == number:
            rng = pending.pop(0)
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


def _merged_ranges(book: Workbook, sheet: object) -> list[CellRange]:
    """Merged ranges from the sheet's XML. openpyxl's streaming reader does not expose them,
    and they sit after all the rows, so they are looked for first, in the raw XML."""
    archive = getattr(book, "_archive", None)
    member = getattr(sheet, "_worksheet_path", None)
    if archive is None or member is None:
        return []
    refs: set[bytes] = set()
    tail = b""
    with archive.open(member) as xml:
        while chunk := xml.read(1 << 20):
            block = tail + chunk  # an element cut by the chunk boundary is whole here
            refs.update(_MERGE.findall(block))
            tail = block[-256:]
    return [CellRange(ref.decode()) for ref in refs]


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
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
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, values in enumerate(reader, start=1):
        yield number, [cell_text(v) for v in values]
