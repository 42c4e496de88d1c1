"""Opening an xlsx workbook read-only without reading its sheets.

openpyxl's read-only mode looks for each sheet's `<dimension>` with an XML parser that only
stops at the end of `<sheetData>` when there is none: a sheet that states no size (openpyxl's
own write-only files, many exporters) was parsed whole once just to open the workbook, and
then again to be read. Here a sheet's size is read from the head of its XML, before the rows;
a sheet that states none claims nothing (its rows are checked one by one as they are read).
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

HEAD = 64 * 1024  # what comes before <sheetData>: sheet properties, dimension, views
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_DATA = re.compile(rb"<(?:\w+:)?sheetData[\s/>]")


class _Sheet(ReadOnlyWorksheet):
    def _get_size(self) -> None:
        with self.parent._archive.open(self._worksheet_path) as src:  # type: ignore[attr-defined]
            head = src.read(HEAD)
        data = _DATA.search(head)
        found = _DIMENSION.search(head, 0, data.start() if data else len(head))
        if found is None:
            return
        min_col, min_row, max_col, max_row = range_boundaries(found.group(1).decode())
        self._min_column, self._min_row = min_col, min_row
        self._max_column, self._max_row = max_col, max_row


class _Reader(ExcelReader):
    def read_worksheets(self) -> None:
        """openpyxl's read-only branch of `read_worksheets`, with `_Sheet`."""
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)  # type: ignore[arg-type]
                continue
            ws = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state or "visible"
            self.wb._sheets.append(ws)  # type: ignore[attr-defined]


def load_read_only(path: Path) -> Workbook:
    """`openpyxl.load_workbook(path, read_only=True, data_only=True)`, sheets unread."""
    reader = _Reader(path, read_only=True, data_only=True)
    reader.read()
    book: Workbook = reader.wb
    return book
