"""Fuzzing roster files (issue 11): random malformed CSV and xlsx files, drawn by hypothesis
(derandomised, or seeded by QUNGUAN_TEST_SEED) and by the suite's seeded generator. Every file
is either read (each problem a row/column error with a message key both locales have) or
refused with one line (ConfigError); nothing else is raised, it takes bounded time, and an
import of it changes the database entirely or not at all.

Counts: see FUZZ_EXAMPLES; each hypothesis test runs that many files, the apply test
APPLY_CASES."""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections import Counter
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.clock import VirtualClock
from bot.core.errors import ConfigError
from bot.i18n import Translator
from bot.services import roster_import
from bot.services.audit_trail import AuditTrail
from bot.services.roster_import.records import parse_file
from bot.services.spreadsheet import new_workbook
from bot.storage.db import Database
from bot.storage.models import Employee
from tests import seeds

FUZZ_EXAMPLES = 120
APPLY_CASES = 40
HANG = 10.0  # CPU seconds of this process: a hang, not a benchmark (the bugs ran > 60 s)
SHEET = "xl/worksheets/sheet1.xml"
HEADERS = ["姓名", "部门", "工号", "状态", "手机", "高管", "别名", "账号", "禁用状态", "name"]
WORDS = ["张三", "财务部", "E1", "离职", "未禁用", "13800000001", "是", "", "=1+1", "\x00"]
TRANSLATE = {lang: Translator(lang) for lang in ("zh_CN", "en")}
SEEN: Counter[str] = Counter()  # outcomes so far: ok, errors, refused (for a look)
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def outcome(path: Path) -> str:
    """Read `path` as the importer does: "ok", "errors" or "refused"; anything else fails."""
    started = time.process_time()
    refusal: ConfigError | None = None
    try:
        parsed = parse_file(path)
    except ConfigError as err:
        refusal = err
    if refusal is not None:
        assert "\n" not in str(refusal) and refusal.message
        result = "refused"
    else:
        for error in parsed.errors:
            for t in TRANSLATE.values():
                text = t(error.key, **error.args)
                assert "{" not in text and "\n" not in text, (error.key, text)
            assert error.row >= 1 and error.column
        result = "errors" if parsed.errors else "ok"
    SEEN[result] += 1
    assert time.process_time() - started < HANG
    return result


cells = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=200),
)
csv_rows = st.lists(st.lists(cells, max_size=12), max_size=30)


@pytest.mark.slow
@FUZZ
@given(
    header=st.one_of(
        st.lists(st.sampled_from(HEADERS), max_size=6).map(lambda h: ["姓名", "部门", *h]),
        st.lists(st.sampled_from(HEADERS), max_size=8),
    ),
    rows=csv_rows,
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    quote_noise=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    giant=st.sampled_from([0, 0, 0, 40_000, 140_000]),
)
def test_random_csv_files(
    tmp_path: Path,
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    quote_noise: bool,
    encoding: str,
    giant: int,
) -> None:
    lines = [delimiter.join(header)]
    for row in rows:
        cells_ = [f'"{c}' if quote_noise and i % 3 == 0 else c for i, c in enumerate(row)]
        lines.append(delimiter.join(cells_))
    if giant:
        lines.append("张三" + delimiter + "x" * giant)
    path = tmp_path / "fuzz.csv"
    path.write_bytes("\n".join(lines).encode(encoding, errors="replace"))
    outcome(path)


@cache
def base_xlsx() -> bytes:
    book, sheet = new_workbook()
    sheet.title = "名单"
    sheet.append(["员工名单"])
    sheet.merge_cells("A1:E1")
    sheet.append(["姓名", "部门", "工号", "状态", "手机"])
    for i in range(12):
        sheet.append([f"员工{i}", f"部门{i % 3}", f"E{i}", "在职", f"1380000{i:04d}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(base_xlsx())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


FRAGMENTS = [
    b'<c r="XFD1"><v>1</v></c>',
    b'<c r="A1048576" t="inlineStr"><is><t>x</t></is></c>',
    b'<c r="B5" t="s"><v>99999</v></c>',
    b'<c r="B5" t="s"><v>-3</v></c>',
    b'<c r="C5" t="n"><v>abc</v></c>',
    b'<c r="C5" t="b"><v>7</v></c>',
    b'<c r="D5" t="d"><v>not a date</v></c>',
    b'<c r="E5" t="inlineStr"><is><t>\xe7\x8e\x8b&#10;\xe4\xba\x94</t></is></c>',
    b'<row r="0">',
    b"</row>",
    b'<dimension ref="A1:XFD1048576"/>',
    b'<mergeCell ref="A1:XFD1048576"/>',
    b"<!--",
    b"&bogus;",
    b"\x00",
]


@pytest.mark.slow
@FUZZ
@given(
    part=st.sampled_from([SHEET, "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"]),
    cut=st.floats(min_value=0, max_value=1),
    insert=st.lists(st.sampled_from(FRAGMENTS), max_size=4),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=3),
    drop_dimension=st.booleans(),
    mode=st.sampled_from(["xml", "xml", "xml", "zip-bytes", "truncate"]),
)
def test_random_damaged_xlsx_files(
    tmp_path: Path,
    part: str,
    cut: float,
    insert: list[bytes],
    flips: list[tuple[float, int]],
    drop_dimension: bool,
    mode: str,
) -> None:
    if mode == "xml":
        parts = members()
        data = parts[part]
        if drop_dimension:
            data = re.sub(rb"<dimension [^>]*/>", b"", data)
        at = int(len(data) * cut)
        data = data[:at] + b"".join(insert) + data[at:]
        parts[part] = data
        blob = rezip(parts)
    else:
        raw = bytearray(base_xlsx())
        if mode == "truncate":
            raw = raw[: int(len(raw) * cut)]
        for where, value in flips:
            if raw:
                raw[min(int(len(raw) * where), len(raw) - 1)] = value
        blob = bytes(raw)
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(blob)
    outcome(path)


def _mutated(n: int) -> tuple[str, bytes]:
    """The n-th seeded mutant: a valid file with one random change (csv or xlsx)."""
    rng = seeds.rng(f"fuzz-roster-apply-{n}")
    if rng.random() < 0.5:
        rows = [["姓名", "部门", "工号", "状态"]]
        for i in range(rng.randint(0, 8)):
            rows.append([rng.choice(["张三", "李四", f"人{i}"]), rng.choice(["财务部", "研发部"])])
            rows[-1] += [rng.choice(["", f"E{rng.randint(0, 5)}"]), rng.choice(WORDS)]
        text = "\n".join(",".join(r) for r in rows)
        if rng.random() < 0.3:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(["\x00", '"', "\n", "x" * 50]) + text[at:]
        return "csv", text.encode()
    parts = members()
    data = parts[SHEET]
    at = rng.randrange(len(data) + 1)
    parts[SHEET] = data[:at] + rng.choice(FRAGMENTS) + data[at:]
    return "xlsx", rezip(parts)


async def test_an_import_of_any_mutant_is_all_or_nothing(db: Database, tmp_path: Path) -> None:
    clock = VirtualClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    audit = AuditTrail(clock)
    tried = {"applied": 0, "refused": 0, "unreadable": 0}
    for n in range(APPLY_CASES):
        suffix, blob = _mutated(n)
        path = tmp_path / f"m{n}.{suffix}"
        path.write_bytes(blob)
        before = await Employee.all().count()
        refusal: ConfigError | None = None
        try:
            result = await roster_import.apply(path, clock=clock, audit=audit, actor="fuzz")
        except ConfigError as err:
            refusal = err
        if refusal is not None:
            assert "\n" not in str(refusal)
            tried["unreadable"] += 1
            assert await Employee.all().count() == before
            continue
        after = await Employee.all().count()
        if result.applied:
            tried["applied"] += 1
            new = len(result.plan.added) + sum(1 for c in result.plan.departed if not c.employee)
            assert after == before + new
        else:
            tried["refused"] += 1
            assert after == before
    assert sum(tried.values()) == APPLY_CASES and tried["applied"] and tried["refused"]


@pytest.mark.slow
def test_hostile_files_from_the_command_line_are_one_line_and_exit_2(tmp_path: Path) -> None:
    from tests.cli import qunguan

    stray = members()
    stray[SHEET] = re.sub(rb"<dimension [^>]*/>", b"", stray[SHEET]).replace(
        b"</sheetData>", b'<row r="9"><c r="XFD9"><v>1</v></c></row></sheetData>'
    )
    files = {
        "stray.xlsx": rezip(stray),
        "torn.xlsx": base_xlsx()[:900],
        "giant.csv": ("姓名,部门\n" + "李" * 140_000 + ",x\n").encode(),
    }
    env = {"DATABASE_URL": f"sqlite://{tmp_path / 'bot.sqlite3'}"}
    for name, blob in files.items():
        (tmp_path / name).write_bytes(blob)
        done = qunguan("roster", "import", str(tmp_path / name), env=env)
        assert done.returncode == 2, (name, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
