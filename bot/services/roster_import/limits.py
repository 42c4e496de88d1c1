"""Hard limits on a roster file, checked before any work (docs/hr.md, "Limits").

A roster file comes from outside: a spreadsheet can claim a billion cells in a few kilobytes,
a zip member can inflate a thousandfold, and a CSV field can be any length. Everything here
is refused with one line naming what was found and what is allowed; nothing is read first.
The zip directory's sizes are binding: Python's zipfile never inflates a member past the size
its directory entry states (it reports a bad CRC instead).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from bot.core.errors import ConfigError

MAX_FILE_BYTES = 50 * 1024 * 1024  # the file on disk (xlsx or csv)
MAX_ROWS = 200_000  # the last row number a cell with a value may have
MAX_COLUMNS = 256  # the last column (IV) a cell with a value may have
MAX_CELLS = 2_000_000  # cells in the workbook, empty ones included (counted before parsing)
MAX_FIELD = 32_767  # characters in one cell (Excel's own limit)
MAX_MEMBERS = 1_000  # parts in the xlsx archive
MAX_MEMBER_BYTES = 160 * 1024 * 1024  # one part, inflated
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # every part, inflated
MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024  # xl/sharedStrings.xml, inflated
MAX_OPENED_PART_BYTES = 8 * 1024 * 1024  # styles, workbook, theme, properties, relations
MAX_RATIO = 100  # inflated / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MERGED = 10_000  # merged ranges in one sheet
SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
OPENED_PART = re.compile(  # what openpyxl parses whole to open a workbook
    r"(^\[Content_Types\]\.xml|^xl/workbook\.xml|^xl/styles\.xml|^xl/theme/[^/]*|^docProps/"
    r"[^/]*|\.rels)$",
    re.IGNORECASE,
)
CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")  # a cell element's start tag


def check_file_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ConfigError(
            str(path), f"the file has {size:,} bytes; at most {MAX_FILE_BYTES:,} are read"
        )


def check_archive(path: Path) -> None:
    """The xlsx's zip directory against the limits, before openpyxl opens it."""
    check_file_size(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(path, archive.infolist())
            cells = 0
            for member in archive.infolist():
                if SHEET_PART.match(member.filename):
                    where = f"{path} part {member.filename}"
                    cells = _count_cells(where, archive, member, cells)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise ConfigError(str(path), f"not a readable xlsx workbook ({exc})") from None


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise ConfigError(
            str(path), f"the workbook has {len(members):,} parts; at most {MAX_MEMBERS:,}"
        )
    total = 0
    for member in members:
        size, packed = member.file_size, member.compress_size
        total += size
        where = f"{path} part {member.filename}"
        limit = MAX_MEMBER_BYTES
        if member.filename.lower().endswith("sharedstrings.xml"):
            limit = MAX_SHARED_STRINGS_BYTES
        elif OPENED_PART.search(member.filename):
            limit = MAX_OPENED_PART_BYTES
        if size > limit:
            raise ConfigError(where, f"inflates to {size:,} bytes; at most {limit:,}")
        if size > RATIO_FLOOR and size > packed * MAX_RATIO:
            ratio = size // max(packed, 1)
            raise ConfigError(
                where, f"inflates {ratio:,} times (a zip bomb?); at most {MAX_RATIO} times"
            )
    if total > MAX_TOTAL_BYTES:
        raise ConfigError(
            str(path), f"the workbook inflates to {total:,} bytes; at most {MAX_TOTAL_BYTES:,}"
        )


def _count_cells(where: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, cells: int) -> int:
    """`cells` (in the sheets before) plus this sheet's, counted in the raw XML: a byte scan,
    a hundred times cheaper than parsing them (openpyxl parses a whole sheet once just to
    open a workbook whose sheet states no size)."""
    tail = b""
    with archive.open(member) as xml:
        while chunk := xml.read(1 << 20):
            block = tail + chunk
            # a tag across the chunk boundary is in both blocks: counted once, with this one
            cells += len(CELL.findall(block)) - len(CELL.findall(tail))
            tail = block[-64:]
            if cells > MAX_CELLS:
                raise ConfigError(where, f"more than {MAX_CELLS:,} cells in the workbook")
    return cells


def check_dimension(where: str, max_row: int, max_col: int) -> None:
    """The sheet's own claim of its used range (0: no claim; the rows are counted as read)."""
    if max_row > MAX_ROWS or max_col > MAX_COLUMNS:
        raise ConfigError(
            where,
            f"the sheet says it uses {max_row:,} rows and {max_col:,} columns; at most "
            f"{MAX_ROWS:,} rows and {MAX_COLUMNS} columns are read (delete stray cells far "
            "from the table: Ctrl+End shows the last one)",
        )
