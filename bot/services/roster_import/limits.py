"""Hard limits on a roster file, checked before any work (docs/hr.md, "Limits").

A roster file comes from outside: a spreadsheet can claim a billion cells in a few kilobytes,
a zip member can inflate a thousandfold, and a CSV field can be any length. Everything here
is refused with one line naming what was found and what is allowed; nothing is read first.
The zip directory's sizes are binding: Python's zipfile never inflates a member past the size
its directory entry states (it reports a bad CRC instead).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from bot.core.errors import ConfigError

MAX_FILE_BYTES = 50 * 1024 * 1024  # the file on disk (xlsx or csv)
MAX_ROWS = 100_000  # the last row number a cell with a value may have
MAX_COLUMNS = 256  # the last column (IV) a cell with a value may have
MAX_CELLS = 3_000_000  # cells parsed in one sheet, empty ones included
MAX_FIELD = 32_767  # characters in one cell (Excel's own limit)
MAX_MEMBERS = 1_000  # parts in the xlsx archive
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one part, inflated
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # every part, inflated
MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024  # xl/sharedStrings.xml, inflated
MAX_RATIO = 200  # inflated / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MERGED = 10_000  # merged ranges in one sheet


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
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ConfigError(str(path), f"not a readable xlsx workbook ({exc})") from None
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


def check_dimension(where: str, bounds: tuple[int, int, int, int] | None) -> None:
    """The sheet's own claim of its used range (min_col, min_row, max_col, max_row)."""
    if bounds is None:
        return  # no claim: the rows are counted as they are read
    _, _, max_col, max_row = (int(b or 0) for b in bounds)
    if max_row > MAX_ROWS or max_col > MAX_COLUMNS:
        raise ConfigError(
            where,
            f"the sheet says it uses {max_row:,} rows and {max_col:,} columns; at most "
            f"{MAX_ROWS:,} rows and {MAX_COLUMNS} columns are read (delete stray cells far "
            "from the table: Ctrl+End shows the last one)",
        )
