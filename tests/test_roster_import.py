"""Reading HR files: the header found under title rows, merged cells, blank rows, paths and
several departments, status words, the three formats, and bad files with row- and
column-precise errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.core.errors import ConfigError
from bot.services.roster_import.records import ParsedFile, parse_file
from bot.services.spreadsheet import new_workbook
from tests.hr_files import dingtalk, template_csv, template_xlsx, wecom

WECOM_PEOPLE: list[dict[str, Any]] = [
    {
        "name": "张三",
        "account": "zhangsan",
        "alias": "Sam，老张",
        "title": "会计",
        "department": "重庆示例实业/财务中心/财务部",
        "phone": 13800000001,
    },
    {
        "name": "李四 ",
        "account": "lisi",
        "department": "重庆示例实业/行政人事部;重庆示例实业/工会",
        "phone": "+86 138-0000-0002",
    },
    {
        "name": "\u3000赵六",
        "account": "zhaoliu",
        "department": "重庆示例实业／销售部",
        "active": "已禁用",
        "disabled": "禁用",
    },
    {"name": "钱七", "account": "qianqi", "department": "重庆示例实业/研发部", "disabled": "禁用"},
    {"name": "孙八", "account": "sunba", "department": "重庆示例实业/研发部", "active": "未激活"},
]


def by_name(parsed: ParsedFile) -> dict[str, dict[str, Any]]:
    return {r.values["name"]: r.values for r in parsed.records}


def test_a_wecom_export(tmp_path: Path) -> None:
    parsed = parse_file(wecom(tmp_path / "通讯录.xlsx", WECOM_PEOPLE))
    assert (parsed.format, parsed.sheet, parsed.header_row) == ("wecom", "通讯录", 3)
    assert parsed.errors == []
    people = by_name(parsed)
    assert people["张三"] == {
        "name": "张三",
        "employee_no": "zhangsan",
        "aliases": ["Sam", "老张"],
        "title": "会计",
        "department": "财务部",  # the last part of the path
        "phone": "13800000001",
        "status": "active",
    }
    assert people["李四"]["department"] == "行政人事部"  # the first of several
    assert people["李四"]["phone"] == "+8613800000002"
    assert people["赵六"]["department"] == "销售部"  # full-width spaces and slash
    assert people["赵六"]["status"] == "departed"
    assert people["钱七"]["status"] == "departed"  # either status column says so
    assert people["孙八"]["status"] == "active"  # not yet activated is still employed


def test_a_dingtalk_export_with_merged_departments_and_blank_rows(tmp_path: Path) -> None:
    people: list[dict[str, Any]] = [
        {"no": "E001", "name": "张三", "department": "财务部", "merged": True},
        {"no": "E002", "name": "王芳", "department": "财务部", "merged": True},
        {"no": "E003", "name": "郑爽", "department": "财务部", "merged": True, "title": "出纳"},
        {"no": 1004, "name": "吴敏", "department": "研发部", "status": "离职"},
        {"no": "E005", "name": "周新", "department": "研发部", "status": "试用"},
    ]
    parsed = parse_file(dingtalk(tmp_path / "花名册.xlsx", people, blank_every=2))
    assert (parsed.format, parsed.header_row) == ("dingtalk", 4)
    assert parsed.errors == []
    found = by_name(parsed)
    assert [found[n]["department"] for n in ("张三", "王芳", "郑爽")] == ["财务部"] * 3
    assert found["郑爽"]["title"] == "出纳"
    wu = found["吴敏"]
    assert (wu["employee_no"], wu["department"], wu["status"]) == ("1004", "研发部", "departed")
    assert (wu["title"], wu["phone"]) == (None, None)
    assert found["周新"]["status"] == "active"
    rows = [r.row for r in parsed.records]
    assert rows == [5, 6, 8, 9, 11]  # spreadsheet row numbers, blank rows skipped


TEMPLATE_ROWS: list[list[Any]] = [
    ["张三", "财务部", "会计", "13800000001", "E001", "小张，Zhang", "否", "在职"],
    ["王总", "总裁办", "总经理", None, "E002", None, "是", None],
    ["赵六", "销售部", None, None, "E003", None, None, "离职"],
]


@pytest.mark.parametrize("kind", ["xlsx", "csv-utf8", "csv-gb18030"])
def test_the_project_template(tmp_path: Path, kind: str) -> None:
    if kind == "xlsx":
        path = template_xlsx(tmp_path / "名单.xlsx", TEMPLATE_ROWS)
    else:
        encoding = "utf-8-sig" if kind == "csv-utf8" else "gb18030"
        path = template_csv(tmp_path / "名单.csv", TEMPLATE_ROWS, encoding=encoding)
    parsed = parse_file(path)
    assert parsed.format == "qunguan"
    assert parsed.errors == []
    people = by_name(parsed)
    assert people["张三"]["aliases"] == ["小张", "Zhang"]
    assert (people["张三"]["exec"], people["王总"]["exec"]) == (False, True)
    assert people["赵六"]["status"] == "departed"
    assert people["王总"]["status"] is None  # blank: says nothing


def test_the_shipped_example_template_reads_cleanly() -> None:
    examples = Path(__file__).resolve().parent.parent / "docs" / "examples"
    for name in ("roster-template.xlsx", "roster-template.csv"):
        parsed = parse_file(examples / name)
        assert parsed.format == "qunguan"
        assert parsed.errors == []
        assert len(parsed.records) >= 5


def test_format_and_sheet_can_be_chosen(tmp_path: Path) -> None:
    book, first = new_workbook()
    first.title = "说明"
    first.append(["本文件第二张表是员工名单"])
    sheet = book.create_sheet("名单")
    sheet.append(["姓名", "部门", "工号"])
    sheet.append(["张三", "财务部", "E001"])
    book.save(tmp_path / "two.xlsx")
    found = parse_file(tmp_path / "two.xlsx")  # the sheet with a header is found
    assert (found.sheet, found.header_row) == ("名单", 1)
    chosen = parse_file(tmp_path / "two.xlsx", "dingtalk", sheet="名单")
    assert chosen.format == "dingtalk"
    with pytest.raises(ConfigError, match="no sheet '花名册'; the file has 说明, 名单"):
        parse_file(tmp_path / "two.xlsx", sheet="花名册")
    with pytest.raises(ConfigError, match="expected one of auto, qunguan, wecom, dingtalk"):
        parse_file(tmp_path / "two.xlsx", "excel")


def test_unreadable_files_are_one_clear_error(tmp_path: Path) -> None:
    book, sheet = new_workbook()
    sheet.append(["员工", "所在地"])
    book.save(tmp_path / "no-header.xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "notes.txt").write_text("姓名,部门\n", encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    for name, message in [
        ("no-header.xlsx", "no header row with 姓名 (name) and 部门 (department)"),
        ("old.xls", "save it as .xlsx"),
        ("notes.txt", "expected a .xlsx or .csv file"),
        ("broken.xlsx", "not a readable xlsx workbook"),
        ("missing.csv", "no such file"),
    ]:
        with pytest.raises(ConfigError, match=re.escape(message)) as caught:
            parse_file(tmp_path / name)
        assert "\n" not in str(caught.value)


BAD = [
    (["张三", "财务部", None, "1380000000x", "E001", None, None, None], "D", "import-error-phone"),
    ([None, "财务部", None, None, "E002", None, None, None], "A", "import-error-required"),
    (["王五", "  ", None, None, "E003", None, None, None], "B", "import-error-required"),
    (["王五", "行政部", None, None, "E004", None, "maybe", None], "G", "import-error-exec"),
    (["王五", "行政部", None, None, "E005", None, None, "休假"], "H", "import-error-status"),
    (["王" * 65, "行政部", None, None, "E006", None, None, None], "A", "import-error-too-long"),
]


def test_each_bad_cell_is_named_by_row_and_column(tmp_path: Path) -> None:
    good = ["李四", "行政人事部", None, None, "E100", None, None, None]
    rows = [good] + [row for row, _, _ in BAD]
    parsed = parse_file(template_xlsx(tmp_path / "bad.xlsx", rows))
    got = [(e.row, e.column, e.header, e.key) for e in parsed.errors]
    want = [(i + 4, col, _header(col), key) for i, (_, col, key) in enumerate(BAD)]
    assert got == want  # row 1: title, row 2: header, row 3: the good row
    assert parsed.errors[0].args == {"value": "1380000000x"}
    assert [r.values["name"] for r in parsed.records] == ["李四"]


def _header(column: str) -> str:
    return ["姓名", "部门", "职务", "手机", "工号", "别名", "高管", "状态"][
        "ABCDEFGH".index(column)
    ]


def test_duplicates_are_errors_on_the_later_row(tmp_path: Path) -> None:
    rows = [
        ["张三", "财务部", None, None, "E001", None, None, None],
        ["张伟", "销售部", None, None, None, None, None, None],
        ["张伟", "市场部", None, None, None, None, None, None],  # a namesake: fine
        ["张三丰", "财务部", None, None, "E001", None, None, None],  # the same 工号
        ["张伟", "销售部", None, None, None, None, None, None],  # the same name and department
    ]
    parsed = parse_file(template_xlsx(tmp_path / "dup.xlsx", rows, title=False))
    got = [(e.row, e.column, e.key, e.args) for e in parsed.errors]
    assert got == [
        (5, "E", "import-error-duplicate", {"first": 2}),
        (6, "A", "import-error-duplicate", {"first": 3}),
    ]


def test_every_message_key_the_preview_builds_exists() -> None:
    """Keys built at run time (tests/test_locales.py finds the literal ones)."""
    from bot.i18n import SUPPORTED, message_ids
    from bot.services.roster_import import formats
    from bot.services.roster_import.plan import MODES

    keys = {f"import-format-{name}" for name in formats.FORMATS}
    keys |= {f"import-mode-{mode}" for mode in MODES}
    keys |= {f"import-field-{field}" for field in formats.FIELDS}
    for locale in SUPPORTED:
        assert keys <= message_ids(locale), sorted(keys - message_ids(locale))
