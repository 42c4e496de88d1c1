"""A WeCom-style contacts export of N people for `qunguan bench import`, written streamed
(openpyxl write-only), the way WeCom lays it out: a notice row merged across the table, a
note row, the header on row 3, departments as paths, 账号 as the stable id, two status
columns. Same seed, same file."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook

HEADER = ["姓名", "账号", "别名", "职务", "部门", "性别", "手机", "座机", "企业邮箱"]
HEADER += ["激活状态", "禁用状态"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅鹏飞宇浩然子轩欣怡"
DIVISIONS = ["研发中心", "销售中心", "市场部", "财务部", "人力资源部", "行政部", "客服中心"]
TEAMS = ["一组", "二组", "三组", "平台组", "华东区", "华南区", "华北区", "西南区", "质量组"]
TITLES = ["工程师", "高级工程师", "经理", "主管", "专员", "助理", "总监", "销售代表", "客服", ""]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _row(rng: random.Random, i: int, changed: bool) -> list[object]:
    department = f"总部/{rng.choice(DIVISIONS)}/{rng.choice(TEAMS)}"
    account = f"u{i:07d}"
    disabled = rng.random() < 0.03  # people who left stay in WeCom, disabled
    row: list[object] = [
        _name(rng),
        account,
        rng.choice(("", "", "", f"{account}-en")),
        rng.choice(TITLES),
        department,
        rng.choice("男女"),
        f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
        f"023-{rng.randrange(10**7, 10**8)}",
        f"{account}@example.com",
        rng.choice(("已激活", "已激活", "已激活", "未激活")),
        "禁用" if disabled else "启用",
    ]
    if changed and i % 20 == 0:  # the next month's export: new phones, a few leavers
        row[6] = f"199{i:08d}"
    if changed and i % 100 == 1:
        row[10] = "禁用"
    return row


def write_wecom(path: Path, rows: int, seed: int = 7, *, changed: bool = False) -> Path:
    """Write `rows` people to `path`; returns the path. `changed`: the same people a month
    later (every 20th with a new phone, every 100th disabled)."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("通讯录")
    sheet.append(["示例科技有限公司 通讯录（导出时间：2026-11-20 09:12）"])
    sheet.append(["注：部门以“/”分隔层级，多个部门以“;”分隔；第一个为主部门。"])
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append(_row(rng, i, changed))
    book.save(path)
    return path
