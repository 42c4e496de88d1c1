"""Writing xlsx sheets safely: text that a spreadsheet would run as a formula stays text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# openpyxl (several MB resident) is imported when a sheet is written, not by every process
# that imports the services: a bot that never exports never loads it.
if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# Leading characters that make Excel, WPS or LibreOffice evaluate a cell (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 48

# What the bot writes in a cell: text and counts (None leaves the cell empty).
Cell = str | int | float | None


def first_sheet(book: Workbook) -> Worksheet:
    """The first sheet of a workbook opened for editing (not read-only), as a worksheet."""
    from openpyxl.worksheet.worksheet import Worksheet

    sheet = book.worksheets[0]
    if not isinstance(sheet, Worksheet):
        raise TypeError(f"the first sheet is a {type(sheet).__name__}, not a worksheet")
    return sheet


def new_workbook() -> tuple[Workbook, Worksheet]:
    """A workbook and its first worksheet, to be filled in."""
    from openpyxl import Workbook

    book = Workbook()
    return book, first_sheet(book)


def save_table(
    path: Path, title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> int:
    """A workbook of one table (`qunguan notices|points export`), saved at `path`; the rows."""
    book, sheet = new_workbook()
    sheet.title = sheet_title(title, set())
    write_table(sheet, header, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return len(rows)


def is_risky(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def write_row(sheet: Worksheet, row: int, values: Sequence[Cell], *, bold: bool = False) -> None:
    """Write one row; risky text is stored as a plain string with Excel's quote prefix."""
    from openpyxl.styles import Font

    for col, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=col)
        cell.value = value
        if is_risky(value):
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold:
            cell.font = Font(bold=True)


def write_table(sheet: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """A header row (frozen, with a filter), the rows, and column widths that fit the text."""
    from openpyxl.utils import get_column_letter

    write_row(sheet, 1, header, bold=True)
    widths = [_width(h) for h in header]
    count = 1
    for count, values in enumerate(rows, start=2):
        write_row(sheet, count, values)
        for i, value in enumerate(values):
            widths[i] = max(widths[i], _width(value))
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A1:{last}{max(count, 1)}"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, width + 2)


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    # CJK characters take two columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def sheet_title(name: str, taken: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, and unique."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "sheet"
    title, n = clean[:31], 2
    while title in taken:
        suffix = f"~{n}"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title
