"""The console in a real browser (Chromium through Playwright): log in, look at the overview
and a group, upload a roster file, apply it, revoke a warning, verify the audit trail."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from bot.core.clock import VirtualClock
from tests.hr_files import template_xlsx
from tests.web.browser import CHROMIUM, console_for, need_chromium, served, shoot
from tests.web.conftest import NOW, PASSWORD
from tests.web.test_pages import ROWS

pytestmark = pytest.mark.slow


@pytest.fixture
def browser_page(tmp_path: Path, company: tuple[Path, Path]) -> Iterator[tuple[Page, str]]:
    need_chromium()
    database, config = company
    copy = tmp_path / "console.sqlite3"
    shutil.copy(database, copy)
    url = f"sqlite://{copy}"
    console = console_for(config, tmp_path, url, VirtualClock(NOW))
    with served(console, url) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page.set_default_timeout(30_000)
            yield page, base
        finally:
            browser.close()


def test_an_hr_morning_in_the_browser(browser_page: tuple[Page, str], tmp_path: Path) -> None:
    page, base = browser_page
    page.goto(base + "/")
    expect(page).to_have_url(re.compile(r"/login$"))
    shoot(page, "login")
    page.fill("input[name=username]", "hr")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("总览")
    expect(page.locator("svg.chart polyline")).to_have_count(2)
    shoot(page, "overview")

    page.click("text=全员群")
    expect(page.locator("td.misnamed").first).to_have_text("昵称不规范")
    shoot(page, "group")

    page.click("nav >> text=花名册")
    roster = template_xlsx(tmp_path / "名单.xlsx", ROWS)
    page.set_input_files("input[type=file]", str(roster))
    page.click("text=上传并预览")
    report = page.locator("#report")
    expect(report).to_contain_text("新增 1 人")
    expect(report).to_contain_text("职务: - → 人事主管")
    shoot(page, "roster-preview")
    page.click("text=确认导入")
    expect(page.locator("#report")).to_contain_text("已全部导入")
    page.fill("input[name=q]", "孙七")
    page.click("text=筛选")
    expect(page.locator("table.data >> text=E7")).to_be_visible()
    shoot(page, "roster")

    page.click("nav >> text=警告")
    expect(page.locator("td >> text=迟到")).to_be_visible()
    shoot(page, "warnings")
    page.click("button:has-text('撤销')")
    expect(page).to_have_url(re.compile(r"state=revoked"))
    expect(page.locator("main")).to_contain_text("web:hr")

    page.click("nav >> text=审计日志")
    page.click("text=校验日志")
    expect(page.locator("p.ok")).to_contain_text("审计日志完整")
    anchor = page.locator("code.anchor").inner_text()
    page.fill("input[name=anchor]", anchor)
    page.click("text=校验日志")
    expect(page.locator("p.ok")).to_be_visible()
    trail = page.locator("table.trail")
    expect(trail).to_contain_text("warning_revoked")
    expect(trail).to_contain_text("roster_import")
    shoot(page, "trail")

    page.click("text=English")
    expect(page.locator("h1")).to_have_text("Audit trail")
