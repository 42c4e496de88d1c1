"""The lean sheet reader (bot.services.roster_import.cells) reads values as openpyxl does,
and opening a workbook reads a sheet's size from the head of its XML (book.py)."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bot.core.errors import ConfigError
from bot.services.roster_import import xlsx
from bot.services.roster_import.book import load_read_only
from bot.services.roster_import.cells import DamagedXml, SheetReader

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
EPOCH = datetime(1899, 12, 30)


def read(body: str, strings: list[str] | None = None) -> list[tuple[int, list[tuple]]]:
    table = strings or []

    def lookup(index: int, row: int, col: int) -> str:
        return table[index]

    reader = SheetReader(lookup, EPOCH, date_styles={1}, timedelta_styles=set())
    xml = f"<worksheet {NS}><sheetData>{body}</sheetData></worksheet>".encode()
    return list(reader.rows(io.BytesIO(xml)))


def test_each_kind_of_cell_reads_as_openpyxl_reads_it() -> None:
    body = (
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>42</v></c>'
        '<c r="C2"><v>1.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="1"><v>46349</v></c>'
        '<c r="F2" t="inlineStr"><is><r><t>张</t></r><r><t>三</t></r><rPh><t>zhang</t></rPh></is>'
        '</c><c r="G2" t="str"><f>A1</f><v>公式</v></c><c r="H2" t="e"><v>#N/A</v></c>'
        '<c r="I2"/><c r="J2" t="inlineStr"><is><t></t></is></c></row>'
    )
    [(number, cells)] = read(body, ["零", "一"])
    assert number == 2
    values = {col: value for _, col, value in cells}
    assert values == {
        1: "一",
        2: 42,
        3: 1.5,
        4: True,
        5: datetime(2026, 11, 23),
        6: "张三",  # the phonetic run is not part of the text
        7: "公式",  # data only: the cached result, not the formula
        8: "#N/A",
    }


def test_rows_and_cells_without_references_count_on() -> None:
    rows = read('<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c><v>3</v></c></row>')
    assert rows == [(1, [(1, 1, 1), (1, 2, 2)]), (5, [(5, 1, 3)])]


def test_a_date_out_of_range_is_an_error_value() -> None:
    [(_, cells)] = read('<row r="1"><c r="A1" s="1"><v>99999999</v></c></row>')
    assert cells == [(1, 1, "#VALUE!")]


@pytest.mark.parametrize(
    "body",
    [
        '<row r="1"><c r="A1"><v>1</v></row>',  # a cell never closed
        '<row r="1.5"><c r="A1"><v>1</v></c></row>',  # not a row number
    ],
)
def test_damaged_xml_is_one_error(body: str) -> None:
    with pytest.raises(DamagedXml):
        read(body)


def test_a_dtd_is_refused_before_any_entity_is_expanded() -> None:
    reader = SheetReader(lambda i, r, c: "", EPOCH, set(), set())
    xml = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>'
    with pytest.raises(DamagedXml, match="DTD"):
        list(reader.rows(io.BytesIO(xml)))


def test_the_same_values_as_openpyxl_on_a_real_workbook(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "入职", "工号", "高管"])
    sheet.append(["  张三 ", date(2026, 11, 23), 1001, True])
    sheet.append([None, None, 1002.5, False])
    book.save(tmp_path / "a.xlsx")
    ours = xlsx.open_book(tmp_path / "a.xlsx")
    got = list(xlsx.sheet_values(ours, "Sheet", "a.xlsx"))
    ours.close()
    theirs = load_workbook(tmp_path / "a.xlsx", read_only=True, data_only=True)
    expected = [
        (number, list(values))
        for number, values in enumerate(theirs["Sheet"].iter_rows(values_only=True), start=1)
    ]
    theirs.close()
    assert got == [
        (n, v[: max(i + 1 for i, x in enumerate(v) if x is not None)]) for n, v in expected
    ]


def test_the_size_a_sheet_states_is_read_from_its_head(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["C7"] = "x"
    book.save(tmp_path / "sized.xlsx")
    opened = load_read_only(tmp_path / "sized.xlsx")
    assert (opened["Sheet"].max_row, opened["Sheet"].max_column) == (7, 3)
    opened.close()
    streamed = Workbook(write_only=True)  # writes no <dimension>: nothing is claimed
    streamed.create_sheet("S").append(["a", "b"])
    streamed.save(tmp_path / "unsized.xlsx")
    opened = load_read_only(tmp_path / "unsized.xlsx")
    assert opened["S"].max_row is None
    opened.close()


def test_a_shared_string_that_does_not_exist_names_its_cell() -> None:
    strings = xlsx._Strings(["a"], "f.xlsx sheet 'S'")
    with pytest.raises(ConfigError, match=r"cell C4.*#7 does not exist"):
        strings(7, 4, 3)
