"""The console's pages on a company the bot has run on: what each shows, and the changes
made from them (a roster import, a revoked warning) with their audit-trail entries."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

from openpyxl import load_workbook

from bot.services.trail_chain import verify_entries
from bot.storage.anchors import Anchor, FileAnchors
from tests.hr_files import template_xlsx
from tests.web.conftest import Site

ROWS = [
    ["李四", "行政人事部", "人事主管", "", "E2", "", "", ""],  # updated: a title
    ["王芳", "财务部", "", "", "", "", "", "离职"],  # departed
    ["孙七", "研发部", "工程师", "", "E7", "", "", ""],  # added
]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_overview(logged_in: Site) -> None:
    page = logged_in.client.get("/").text
    flat = text(page)
    assert "全员群" in flat and "财务群" in flat and "新群" in flat
    assert "机器人尚未在此群运行" in flat  # 新群: the bot never ran there
    row = flat[flat.index("全员群 全员群 sim") :]
    assert "冒用身份" in flat  # the impostor column
    # 全员群: 2 compliant, 1 misnamed (张三), 5 unknown, 0 ambiguous, 0 impostors, 0 departed,
    # 2 missing; 财务群: 2 compliant (王芳 by her remark, 张三), 1 impostor (王芳's name)
    assert row.startswith("全员群 全员群 sim 2 1 5 0 0 0 2 2026-11-23 10:00")
    assert "财务群 财务群 sim 2 0 0 0 1 0 0 2026-11-23 10:00" in row
    assert "<svg" in page and "<polyline" in page  # the audit of the 23rd is charted
    assert "数据库：sqlite://" in flat


def test_group_page_filters_and_missing(logged_in: Site) -> None:
    page = text(logged_in.client.get("/groups/1").text)
    assert "张三 昵称不规范 财务部-张三 (E3) 财务部-张三 1" in page  # name to set, 1 warning
    assert "未入群的员工（2 人）" in page and "总裁办-陈静" in page
    misnamed = text(logged_in.client.get("/groups/1?status=misnamed").text)
    assert "张三" in misnamed and "行政人事部-李四" not in misnamed.split("未入群")[0]
    found = text(logged_in.client.get("/groups/1", params={"q": "李四"}).text)
    assert "行政人事部-李四 合规" in found and "昵称不规范 财务部-张三" not in found
    assert logged_in.client.get("/groups/999").status_code == 404


def test_group_page_shows_the_impostor(logged_in: Site) -> None:
    page = text(logged_in.client.get("/groups/2", params={"status": "impostor"}).text)
    assert "冒用身份 (1)" in page  # the filter counts it
    table = page.split("未入群")[0]
    assert "财务部-王芳 冒用身份 显示为「财务部-王芳」，本人：财务部-王芳" in table
    assert "财务部-张三" not in table and table.count("冒用身份") == 2  # the option, the row


def upload(site: Site, path: Path, mode: str = "partial") -> str:
    token = site.csrf("/roster")
    with path.open("rb") as handle:
        response = site.client.post(
            "/roster/preview",
            data={"csrf_token": token, "format": "auto", "mode": mode},
            files={"file": (path.name, handle)},
        )
    assert response.status_code == 200
    return response.text


def test_roster_upload_preview_apply(logged_in: Site, tmp_path: Path) -> None:
    page = upload(logged_in, template_xlsx(tmp_path / "名单.xlsx", ROWS))
    flat = text(page)
    assert "预览：名单.xlsx" in flat
    assert "新增 1 人" in flat and "变更 1 人" in flat and "离职 1 人" in flat
    assert "职务: - → 人事主管" in flat
    assert text(logged_in.client.get("/roster", params={"q": "孙七"}).text).count("孙七") == 0
    token = re.search(r'name="token" value="([0-9a-f]+)"', page)
    assert token
    done = logged_in.client.post(
        "/roster/apply", data={"csrf_token": logged_in.csrf("/roster"), "token": token[1]}
    )
    assert "已全部导入" in text(done.text)
    search = text(logged_in.client.get("/roster", params={"q": "E7"}).text)
    assert "孙七 研发部 E7 工程师 在职" in search
    assert "王芳 财务部 — — 离职" in text(logged_in.client.get("/roster?q=王芳").text)
    trail = text(logged_in.client.get("/trail", params={"kind": "roster_import"}).text)
    assert "roster_import web:hr" in trail and "名单.xlsx" in trail
    again = logged_in.client.post(
        "/roster/apply", data={"csrf_token": logged_in.csrf("/roster"), "token": token[1]}
    )
    assert "预览已失效" in text(again.text)  # applied once, never twice


def test_roster_errors_by_row_and_column(logged_in: Site, tmp_path: Path) -> None:
    rows = [*ROWS, ["", "研发部", "", "", "", "", "", ""], ["周八", "", "", "", "", "", "", ""]]
    flat = text(upload(logged_in, template_xlsx(tmp_path / "bad.xlsx", rows)))
    assert "错误 2 处" in flat
    assert re.search(r"\b6 A 姓名 ", flat) and re.search(r"\b7 B 部门 ", flat)
    assert 'name="token"' not in upload(logged_in, template_xlsx(tmp_path / "bad.xlsx", rows))


def test_roster_preview_warns_of_renumbering_and_names_control_characters(
    logged_in: Site, tmp_path: Path
) -> None:
    """The importer's matching (main's roster_import): the same name and department with
    another 工号 is the same person, renumbered, and the preview says so; a control character
    is an error at its cell."""
    renumbered = [["张三", "财务部", "", "", "E9", "", "", ""]]
    flat = text(upload(logged_in, template_xlsx(tmp_path / "renumbered.xlsx", renumbered)))
    assert "编号变更 1 人" in flat and "财务部-张三：工号 E3 → E9" in flat
    assert "新增 0 人" in flat and "变更 1 人" in flat
    hostile = tmp_path / "hostile.csv"
    hostile.write_text("姓名,部门,工号\n张\x07三,财务部,E3\n", encoding="utf-8")
    flat = text(upload(logged_in, hostile))
    assert "错误 1 处" in flat and "含有控制字符" in flat
    assert "编号变更" not in flat


def test_roster_upload_refusals(site: Site, tmp_path: Path, company: tuple[Path, Path]) -> None:
    from tests.web.conftest import site_on

    for small in site_on(tmp_path / "small", company, limit=2048):
        small.login()
        big = tmp_path / "big.csv"
        big.write_text("姓名,部门\n" + "张三,财务部\n" * 1000, encoding="utf-8")
        assert "文件太大：最多 2 KiB" in upload(small, big)
        evil = tmp_path / "evil.exe"
        evil.write_bytes(b"MZ")
        assert "只能上传 .xlsx 或 .csv 文件（收到的是 evil.exe）" in upload(small, evil)


def test_export_workbook(logged_in: Site, tmp_path: Path) -> None:
    response = logged_in.client.get("/roster/export")
    assert response.status_code == 200
    out = tmp_path / "export.xlsx"
    out.write_bytes(response.content)
    assert load_workbook(out).sheetnames[1:] == ["全员群", "财务群"]


def test_revoke_a_warning(logged_in: Site) -> None:
    live = text(logged_in.client.get("/warnings").text)
    assert "全员群 张三 管理员决定 迟到" in live
    token = logged_in.csrf("/warnings")
    done = text(logged_in.client.post("/warnings/1/revoke", data={"csrf_token": token}).text)
    assert "张三" in done and "web:hr" in done  # now under revoked, by whom
    assert "张三" not in text(logged_in.client.get("/warnings").text).split("发出者")[1]
    again = logged_in.client.post("/warnings/1/revoke", data={"csrf_token": token})
    assert "不存在或已被撤销" in text(again.text)
    trail = text(logged_in.client.get("/trail", params={"kind": "warning_revoked"}).text)
    assert "warning_revoked web:hr 全员群" in trail
    group = text(logged_in.client.get("/groups/1?q=张三").text)
    assert "财务部-张三 0" in group  # no live warning left


def test_trail_verify_anchor_and_export(logged_in: Site, tmp_path: Path) -> None:
    page = logged_in.client.get("/trail", params={"verify": "1"}).text
    anchor = re.search(r'class="anchor">(\d+:[0-9a-f]{64})<', page)
    assert anchor and "审计日志完整" in page
    kept = logged_in.client.get("/trail", params={"anchor": anchor[1]}).text
    assert "审计日志完整" in kept
    forged = anchor[1][:-4] + "0000"
    broken = text(logged_in.client.get("/trail", params={"anchor": forged}).text)
    assert "另行保存的不符" in broken
    assert "锚点格式" in text(logged_in.client.get("/trail?anchor=oops").text)
    # The latest anchor kept apart (beside the database, where the bot keeps it) is checked,
    # as `qunguan audit-log verify` checks it: the console's own appends are anchored.
    assert "已与另行保存的最新锚点" in text(page)
    exported = logged_in.client.get("/trail/export", params={"format": "jsonl"})
    entries = [json.loads(line) for line in exported.text.splitlines()]
    verdict = verify_entries(entries)
    assert verdict.ok and f"{verdict.count}:{verdict.head}" == anchor[1]
    assert entries[-1]["kind"] == "console_login" and entries[-1]["actor"] == "web:hr"


def test_trail_verify_finds_a_cut_tail_by_the_anchors(logged_in: Site) -> None:
    """An anchor kept apart for an entry the chain no longer has: the tail was cut."""
    anchors = FileAnchors(logged_in.folder / "audit-anchors")
    asyncio.run(anchors.add(Anchor(500, "0" * 64), logged_in.clock.now()))
    page = text(logged_in.client.get("/trail", params={"verify": "1"}).text)
    assert "审计日志被改动" in page and "另行保存的锚点指向第 500 条" in page
    assert "审计日志完整" not in page


def test_english(logged_in: Site) -> None:
    token = logged_in.csrf("/")
    page = logged_in.client.post("/lang", data={"csrf_token": token, "lang": "en", "next": "/"})
    assert "Overview" in page.text and "Compliance per group" in page.text
    assert "总览" not in page.text
