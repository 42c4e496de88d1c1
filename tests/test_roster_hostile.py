"""Hostile roster files (issue 11): real xlsx and csv files built to hurt, each refused with one
line naming where, within the limits, fast; a file with a control character is refused by the
preview exactly as the import would be (PostgreSQL refuses NUL)."""

from __future__ import annotations

import re
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.core.clock import VirtualClock
from bot.core.errors import ConfigError
from bot.services import roster_import
from bot.services.audit_trail import AuditTrail
from bot.services.roster_import import limits
from bot.services.roster_import.records import parse_file
from bot.services.spreadsheet import new_workbook
from bot.storage.db import Database
from bot.storage.models import Employee
from tests import seeds

HEADER = ["姓名", "部门", "工号"]
PEOPLE = [["张三", "财务部", "A1"], ["李四", "销售部", "A2"]]


def roster_xlsx(path: Path, rows: list[list[object]] | None = None) -> Path:
    book, sheet = new_workbook()
    sheet.append(HEADER)
    for row in rows if rows is not None else PEOPLE:
        sheet.append(row)
    book.save(path)
    return path


def rewrite(path: Path, out: Path, member: str, change: object) -> Path:
    """A copy of the zip `path` with `member`'s bytes passed through `change`."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                data = change(data)  # type: ignore[operator]
            dst.writestr(info.filename, data)
    return out


def refused(path: Path, *, within: float = 10.0) -> str:
    started = time.monotonic()
    with pytest.raises(ConfigError) as caught:
        parse_file(path)
    assert time.monotonic() - started < within  # catches a hang (was > 60 s), not a benchmark
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_stray_cells_far_away_are_refused_by_the_dimension_first(tmp_path: Path) -> None:
    path = roster_xlsx(tmp_path / "stray.xlsx")
    book, sheet = new_workbook()
    sheet.append(HEADER)
    sheet["XFD1"] = "x"
    sheet["A1048576"] = "y"
    book.save(path)
    assert path.stat().st_size < 10_000
    message = refused(path)
    assert "1,048,576 rows and 16,384 columns" in message


def test_stray_cells_without_a_dimension_are_named_while_streaming(tmp_path: Path) -> None:
    book, sheet = new_workbook()
    sheet.append(HEADER)
    sheet.append(PEOPLE[0])
    sheet["XFD1"] = "x"
    book.save(tmp_path / "stray.xlsx")
    no_dimension = rewrite(
        tmp_path / "stray.xlsx",
        tmp_path / "nodim.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda data: re.sub(rb"<dimension [^>]*/>", b"", data),
    )
    assert "cell XFD1" in refused(no_dimension)
    book, sheet = new_workbook()
    sheet.append(HEADER)
    sheet.append(PEOPLE[0])
    sheet["A1048576"] = "y"
    book.save(tmp_path / "far.xlsx")
    far = rewrite(
        tmp_path / "far.xlsx",
        tmp_path / "far-nodim.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda data: re.sub(rb"<dimension [^>]*/>", b"", data),
    )
    assert "cell A1048576" in refused(far)


def test_formatting_far_away_costs_nothing(tmp_path: Path) -> None:
    """Empty styled cells at the edge of the sheet (no dimension claim) are read past fast."""
    path = roster_xlsx(tmp_path / "ok.xlsx")
    styled = rewrite(
        path,
        tmp_path / "styled.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda data: re.sub(rb"<dimension [^>]*/>", b"", data).replace(
            b"</sheetData>",
            b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>',
        ),
    )
    started = time.monotonic()
    parsed = parse_file(styled)
    assert time.monotonic() - started < 10  # a hang, not a benchmark
    assert [r.values["name"] for r in parsed.records] == ["张三", "李四"]


def _bomb(path: Path, member: str, size: int) -> Path:
    """A valid workbook whose `member` inflates to `size` bytes of one repeated string."""
    base = roster_xlsx(path.with_suffix(".base.xlsx"))
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info.filename, src.read(info.filename))
        with dst.open(member, "w", force_zip64=True) as out:
            chunk = b"<si><t>x</t></si>" * 60_000
            for _ in range(size // len(chunk)):
                out.write(chunk)
    return path


def test_a_shared_strings_bomb_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    size = limits.MAX_SHARED_STRINGS_BYTES + 2 * 1024 * 1024
    path = _bomb(tmp_path / "bomb.xlsx", "xl/sharedStrings.xml", size)
    assert path.stat().st_size < 1024 * 1024
    message = refused(path)
    assert "sharedStrings.xml" in message and "inflates" in message


def test_a_high_compression_ratio_is_refused(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "ratio.xlsx", "xl/extra.xml", 4 * 1024 * 1024)
    assert "zip bomb" in refused(path)


def test_damaged_parts_are_one_line(tmp_path: Path) -> None:
    path = roster_xlsx(tmp_path / "ok.xlsx")
    sheet = rewrite(path, tmp_path / "s.xlsx", "xl/worksheets/sheet1.xml", lambda d: d[:-40])
    assert "damaged" in refused(sheet)
    garbled = rewrite(
        path, tmp_path / "g.xlsx", "xl/worksheets/sheet1.xml", lambda d: d.replace(b"<c ", b"<c<")
    )
    assert "damaged" in refused(garbled)
    workbook = rewrite(path, tmp_path / "w.xlsx", "xl/workbook.xml", lambda d: d[: len(d) // 2])
    assert "not a readable xlsx" in refused(workbook)
    truncated = tmp_path / "t.xlsx"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert "not a readable xlsx" in refused(truncated)


def test_a_shared_string_index_that_does_not_exist_names_the_cell(tmp_path: Path) -> None:
    path = roster_xlsx(tmp_path / "ok.xlsx")
    for index in ("999", "-1"):

        def change(data: bytes, index: str = index) -> bytes:
            cell = f'<c r="D2" t="s"><v>{index}</v></c></row>'.encode()
            return data.replace(b"</row>", cell, 2).replace(cell, b"</row>", 1)

        bad = rewrite(path, tmp_path / f"bad{index}.xlsx", "xl/worksheets/sheet1.xml", change)
        message = refused(bad)
        assert "cell D2" in message and f"#{index}" in message


def test_csv_giant_fields_are_named_by_row_and_column(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    huge.write_text("姓名,部门\n张三,财务部\n" + "李" * 140_000 + ",销售部\n", encoding="utf-8")
    assert "row 3" in refused(huge)
    long = tmp_path / "long.csv"
    long.write_text("姓名,部门\n张三," + "部" * 40_000 + "\n", encoding="utf-8")
    assert "row 2 column B" in refused(long)
    wide = tmp_path / "wide.csv"
    wide.write_text("姓名,部门\n" + "x," * 300 + "\n", encoding="utf-8")
    assert "row 2" in refused(wide)


def test_control_characters_are_a_row_and_column_error(tmp_path: Path) -> None:
    csv_file = tmp_path / "nul.csv"
    csv_file.write_text("姓名,部门\n张\x00三,财务部\n李四,销\x1b售部\n", encoding="utf-8")
    parsed = parse_file(csv_file)
    assert [(e.row, e.column, e.key, e.args["char"]) for e in parsed.errors] == [
        (2, "A", "import-error-control", "U+0000"),
        (3, "B", "import-error-control", "U+001B"),
    ]
    assert parsed.records == []
    xlsx = roster_xlsx(tmp_path / "nl.xlsx", [["王\n五", "财务部", "A3"]])
    assert [e.key for e in parse_file(xlsx).errors] == ["import-error-control"]


async def test_the_preview_refuses_what_the_import_would_fail_on(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "nul.csv"
    path.write_text("姓名,部门\n张\x00三,财务部\n李四,销售部\n", encoding="utf-8")
    preview = await roster_import.preview(path)
    assert preview.refused == "errors" and preview.plan.counts()["added"] == 1
    clock = VirtualClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    result = await roster_import.apply(path, clock=clock, audit=AuditTrail(clock), actor="hr")
    assert result.refused == "errors" and not result.applied
    assert await Employee.all().count() == 0


@pytest.mark.slow
def test_cells_are_counted_exactly_before_anything_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count is a byte scan in 1 MB chunks: a sheet of a few chunks at the limit passes;
    one cell fewer allowed, it is refused before openpyxl opens the file."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("名单")
    sheet.append(HEADER)
    rows = 20_000
    for i in range(rows):
        sheet.append([f"员工{i}", "研发部", f"E{i}"])
    book.save(tmp_path / "big.xlsx")
    cells = 3 * (rows + 1)
    with zipfile.ZipFile(tmp_path / "big.xlsx") as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 2 * 1024 * 1024
    monkeypatch.setattr(limits, "MAX_CELLS", cells)
    limits.check_archive(tmp_path / "big.xlsx")
    monkeypatch.setattr(limits, "MAX_CELLS", cells - 1)
    assert f"more than {cells - 1:,} cells" in refused(tmp_path / "big.xlsx")


def test_a_huge_styles_part_is_refused_before_openpyxl_builds_it(tmp_path: Path) -> None:
    path = roster_xlsx(tmp_path / "ok.xlsx")
    noise = seeds.rng("styles-bomb").randbytes(5 * 1024 * 1024).hex().encode()
    styled = rewrite(
        path, tmp_path / "styles.xlsx", "xl/styles.xml", lambda d: d + b"<!--" + noise + b"-->"
    )
    message = refused(styled)
    assert "xl/styles.xml" in message and "inflates to" in message


def test_a_csv_of_empty_cells_is_refused_by_its_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 1000)
    commas = tmp_path / "commas.csv"
    commas.write_text("姓名,部门\n" + ("," * 99 + "\n") * 20, encoding="utf-8")
    assert "row 11: more than 1,000 cells" in refused(commas)
