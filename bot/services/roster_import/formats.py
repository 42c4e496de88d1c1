"""The roster file formats: which header names mean which roster field, and status words.

- `qunguan`: the project's own template (docs/hr.md, docs/examples/roster-template.*), in
  Chinese or with the scenario's English keys.
- `wecom`: a WeCom (企业微信) contacts export: 账号 is the stable id, 别名 an alias, 部门 a
  path (several separated by ;), 激活状态 / 禁用状态 say who has left.
- `dingtalk`: a DingTalk (钉钉) contacts or roster export: 工号, 职位, 员工状态.

Header names are compared normalised: NFKC, case-folded, spaces and `*` (required marks)
removed, and a trailing note in brackets dropped (`手机（必填）` is `手机`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.services.roster_rows import EDITABLE

FIELDS = EDITABLE  # the employee's fields (EmployeeIn)
REQUIRED = ("name", "department")


@dataclass(frozen=True)
class Format:
    name: str
    # field → header names, in order of preference when a file has several of them
    columns: dict[str, tuple[str, ...]]
    # header names only this format's files have (auto-detection)
    markers: tuple[str, ...]


QUNGUAN = Format(
    "qunguan",
    {
        "name": ("姓名", "name"),
        "department": ("部门", "department"),
        "title": ("职务", "职位", "title"),
        "phone": ("手机", "手机号", "手机号码", "phone", "mobile"),
        "employee_no": ("工号", "员工编号", "employee_no", "employeeno"),
        "aliases": ("别名", "aliases"),
        "exec": ("高管", "是否高管", "exec"),
        "status": ("状态", "在职状态", "status"),
        "hired": ("入职日期", "入职时间", "hired"),
        "wechat_id": ("微信号", "wechat_id", "wxid"),
        "telegram_id": ("telegram_id", "telegram"),
    },
    ("高管", "是否高管", "name", "department", "exec", "aliases", "employee_no"),
)
WECOM = Format(
    "wecom",
    {
        "name": ("姓名",),
        "department": ("部门", "所在部门"),
        "title": ("职务", "职位"),
        "phone": ("手机", "手机号"),
        "employee_no": ("工号", "账号", "userid"),
        "aliases": ("别名",),
        "status": ("激活状态", "禁用状态", "账号状态", "状态"),
        "hired": ("入职日期", "入职时间"),
    },
    ("账号", "激活状态", "禁用状态", "企业邮箱", "座机", "视频号", "对外职务", "英文名"),
)
DINGTALK = Format(
    "dingtalk",
    {
        "name": ("姓名",),
        "department": ("部门", "所属部门"),
        "title": ("职位", "职务"),
        "phone": ("手机", "手机号", "手机号码"),
        "employee_no": ("工号", "员工工号"),
        "status": ("员工状态", "在职状态", "状态"),
        "hired": ("入职时间", "入职日期"),
    },
    ("员工userid", "userid", "员工状态", "办公地点", "入职时间", "分机号", "直属主管", "主管"),
)
FORMATS = {f.name: f for f in (QUNGUAN, WECOM, DINGTALK)}

# Several status columns may be read (WeCom has two): any departed word makes a departure.
MULTI_COLUMN_FIELDS = ("status",)

DEPARTED_WORDS = frozenset(
    {"离职", "已离职", "已禁用", "禁用", "已停用", "停用", "已退出", "退出企业", "已退出企业"}
    | {"departed", "left", "disabled", "inactive"}
)
ACTIVE_WORDS = frozenset(
    {"在职", "正式", "试用", "试用期", "实习", "实习期", "待离职", "已激活", "未激活", "激活"}
    | {"启用", "已启用", "正常", "在岗", "active", "enabled"}
)
# A departed word negated (未禁用, 未离职, 非离职, 不停用) is employed; so is a bare 否/no in a
# status column (禁用状态: 否).
NEGATIONS = ("未", "非", "不", "没有", "没", "not ")
NEGATIVE_ANSWERS = frozenset({"否", "no", "n", "false", "0", "×"})


def status_word(text: str) -> str | None:
    """`departed`, `active`, "" for a blank cell, None for a word not known."""
    word = unicodedata.normalize("NFKC", text).casefold().strip()
    if not word:
        return ""
    if word in DEPARTED_WORDS:
        return "departed"
    if word in ACTIVE_WORDS or word in NEGATIVE_ANSWERS:
        return "active"
    for negation in NEGATIONS:
        rest = word.removeprefix(negation).strip()
        if rest != word and rest in DEPARTED_WORDS:
            return "active"
    return None


TRUE_WORDS = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "高管"})
FALSE_WORDS = frozenset({"否", "n", "no", "false", "0", "×"})

_NOTE = re.compile(r"[(（\[【].*?[)）\]】]$")


def header_key(text: str) -> str:
    """A header cell as compared with the names above."""
    key = unicodedata.normalize("NFKC", text).casefold()
    key = "".join(ch for ch in key if not ch.isspace() and ch != "*")
    return _NOTE.sub("", key) or key


def detect(headers: list[str]) -> Format:
    """The format whose own header names the row has most of; the project's on a tie."""
    keys = {header_key(h) for h in headers if h}
    best, score = QUNGUAN, 0
    for fmt in (WECOM, DINGTALK, QUNGUAN):
        found = sum(1 for marker in fmt.markers if header_key(marker) in keys)
        if found > score:
            best, score = fmt, found
    return best


def map_columns(fmt: Format, headers: list[str]) -> dict[str, list[int]]:
    """field → the column indexes it is read from (the preferred header name first)."""
    by_key: dict[str, list[int]] = {}
    for index, text in enumerate(headers):
        if text:
            by_key.setdefault(header_key(text), []).append(index)
    out: dict[str, list[int]] = {}
    for field, names in fmt.columns.items():
        found = [i for name in names for i in by_key.get(header_key(name), [])]
        if found:
            out[field] = found if field in MULTI_COLUMN_FIELDS else found[:1]
    return out
