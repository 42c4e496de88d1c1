"""A sheet's XML to rows of cell values, streamed with expat: the lean part of openpyxl's
read-only parser that an import needs (values only; no styles, formulas or dimensions kept).

openpyxl's own parser builds a dict per cell and an element tree per row; on a 145k-row
export it was 70 % of an import's time. This one keeps openpyxl's reading of values: a
shared string by index, inline and rich text (phonetic runs left out), booleans, numbers as
int or float, a number in a date or time style as a date (from the workbook's epoch), an
out-of-range date as the error value `#VALUE!`, cached formula results. A DTD is refused
(an xlsx never has one; entity expansion is how XML bombs work).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import IO, Any
from xml.parsers import expat

from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
ROW, CELL, VALUE, INLINE, TEXT, PHONETIC = (MAIN + n for n in ("row", "c", "v", "is", "t", "rPh"))
CHUNK = 1 << 16
Cell = tuple[int, int, Any]  # (row, column, value)


class DamagedXml(ValueError):
    """The sheet's XML is not what a sheet's XML is."""


class SheetReader:
    """Feeds a sheet part through expat; `rows()` yields (row number, cells with a value)."""

    def __init__(
        self,
        strings: Callable[[int, int, int], Any],
        epoch: datetime,
        date_styles: set[int],
        timedelta_styles: set[int],
    ) -> None:
        self.strings, self.epoch = strings, epoch
        self.dates, self.timedeltas = date_styles, timedelta_styles
        self.row = self.cell_row = self.col = 0
        self.kind = ""
        self.style = 0
        self.text: list[str] | None = None  # collecting a <v> or an inline <t>
        self.parts: list[str] = []
        self.phonetic = False
        self.cells: list[Cell] = []
        self.seen = 0  # cells read, empty ones included (bot.services.roster_import.limits)
        self.done: list[tuple[int, list[Cell]]] = []

    def rows(self, source: IO[bytes]) -> Iterator[tuple[int, list[Cell]]]:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._chars
        parser.StartDoctypeDeclHandler = _no_dtd
        try:
            while chunk := source.read(CHUNK):
                parser.Parse(chunk, False)
                yield from self._flush()
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise DamagedXml(str(exc)) from None
        yield from self._flush()

    def _flush(self) -> Sequence[tuple[int, list[Cell]]]:
        done, self.done = self.done, []
        return done

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if name == CELL:
            ref = attrs.get("r")
            if ref:
                self.cell_row, self.col = _coordinate(ref)
            else:
                self.cell_row, self.col = self.row, self.col + 1
            self.kind, self.style = attrs.get("t", "n"), int(attrs.get("s") or 0)
            self.parts = []
            self.seen += 1
        elif name == VALUE:  # an inline string is its <t> texts, any other cell its <v>
            if self.kind != "inlineStr":
                self.text = self.parts
        elif name == TEXT:
            if self.kind == "inlineStr" and not self.phonetic:
                self.text = self.parts
        elif name == ROW:
            self.row = self.cell_row = _row_number(attrs.get("r"), self.row)
            self.col = 0
            self.cells = []
        elif name == PHONETIC:
            self.phonetic = True

    def _chars(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def _end(self, name: str) -> None:
        if name in (VALUE, TEXT):
            self.text = None
        elif name == CELL:
            value = self._value("".join(self.parts)) if self.parts else None
            if value is not None and value != "":
                self.cells.append((self.cell_row, self.col, value))
        elif name == ROW:
            self.done.append((self.row, self.cells))
        elif name == PHONETIC:
            self.phonetic = False

    def _value(self, text: str) -> Any:
        kind = self.kind
        if kind == "n":
            number: float = float(text) if any(c in text for c in ".Ee") else int(text)
            if self.style not in self.dates:
                return number
            try:
                return from_excel(number, self.epoch, timedelta=self.style in self.timedeltas)
            except (OverflowError, ValueError):
                return "#VALUE!"  # as openpyxl reads a date out of range: an error value
        if kind == "s":
            return self.strings(int(text), self.cell_row, self.col)
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)  # type: ignore[no-untyped-call]
        return text  # inlineStr, str (a formula's text), e (an error value)


_COLUMNS: dict[str, int] = {}  # column letters seen → index (a sheet uses a few dozen)


def _coordinate(ref: str) -> tuple[int, int]:
    """`B12` → (12, 2), as openpyxl's coordinate_to_tuple (which is 3x slower)."""
    letters = ref.rstrip("0123456789")
    col = _COLUMNS.get(letters)
    if col is None:
        col = coordinate_to_tuple(ref)[1]
        if len(_COLUMNS) < 20_000:  # bounded: a hostile file may use every column
            _COLUMNS[letters] = col
    return int(ref[len(letters) :]), col


def _row_number(ref: str | None, previous: int) -> int:
    if ref is None:
        return previous + 1
    number = float(ref)
    if not number.is_integer():
        raise DamagedXml(f"{ref} is not a valid row number")
    return int(number)


def _no_dtd(*_: object) -> None:
    raise DamagedXml("a DTD in a sheet")
