"""Notices with acknowledgement: what acknowledges, how `/notice` reads its arguments, the
policy's bounds, and the replies sheet (in `/roster export` and `qunguan notices export`)
with no cell a spreadsheet would run as a formula. The timelines are scenario tests
(tests/scenarios/notice_*.yaml)."""

from __future__ import annotations

import asyncio
import unicodedata
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.commands.notice import parse_notice
from bot.core.errors import ConfigError, UserFacingError
from bot.core.notice_policy import DEFAULT_ACK_WORDS, SPACES, NoticePolicy, ack_word, normalise_ack
from bot.core.policy import build_policy
from bot.settings import Settings
from tests.cli import qunguan
from tests.test_roster_export import no_formulas

WORDS = NoticePolicy().ack_words


@pytest.mark.parametrize(
    "text",
    [
        "收到",
        "收到！",
        "收到。。",
        " 收到 ",
        "收\u200b到",
        "好的~",
        "明白👌",
        "OK",
        "收到[强]",
        "收到！[抱拳][抱拳]",
    ],
)
def test_an_ack_word_optionally_followed_by_punctuation_acknowledges(text: str) -> None:
    words = build_policy({"notice.ack_words": [*DEFAULT_ACK_WORDS, "ok"]}, None).notice.ack_words
    assert ack_word(text, words) is not None


@pytest.mark.parametrize(
    "text", ["收到，谢谢", "没收到", "收到吗?", "好", "", "？收到", "/收到", "[强]"]
)
def test_anything_else_does_not(text: str) -> None:
    assert ack_word(text, WORDS) is None


def test_deadline_defaults_to_the_policy_and_bad_input_says_why() -> None:
    default = timedelta(minutes=30)
    assert parse_notice("开会", default, "u") == (default, "开会")
    assert parse_notice("2h 下午 开会", default, "u") == (timedelta(hours=2), "下午 开会")
    assert parse_notice("1h30m 开会", default, "u")[0] == timedelta(minutes=90)
    for args, key in [
        ("0m 开会", "notice-error-deadline"),
        ("400d 开会", "notice-error-deadline"),
        ("30s 开会", "notice-error-deadline"),
        ("", "notice-error-empty"),
        ("30m", "notice-error-empty"),
        ("x" * 2001, "notice-error-long"),
    ]:
        with pytest.raises(UserFacingError) as caught:
            parse_notice(args, default, "u")
        assert caught.value.key == key, args


def test_the_text_is_kept_as_typed() -> None:
    """Command arguments are NFKC-normalised; the notice keeps its full-width punctuation."""
    typed = "／通知 10m 今天下午三点开会，请准时！"
    args = "10m 今天下午三点开会,请准时!"
    assert parse_notice(args, timedelta(minutes=30), "u", typed)[1] == "今天下午三点开会，请准时！"


@pytest.mark.parametrize(
    ("policy", "where"),
    [
        ({"notice.deadline": "0m"}, "notice.deadline"),
        ({"notice": {"deadline": "31d"}}, "notice.deadline"),
        ({"notice.ack_words": []}, "notice.ack_words"),
        ({"notice.ack_words": ["  "]}, "notice.ack_words"),
        ({"notice.ack_words": ["收"] * 101}, "notice.ack_words"),  # bounded: at most 100
        ({"notice.ack_words": ["收" * 101]}, "notice.ack_words"),
        ({"notice.reply": 1}, "notice.reply"),
    ],
)
def test_bad_notice_policy_names_the_key(policy: dict[str, Any], where: str) -> None:
    with pytest.raises(ConfigError) as caught:
        build_policy(None, policy)
    assert where in caught.value.where


RISKY = '=HYPERLINK("http://x","点我")'
SCENARIO: dict[str, Any] = {
    "start": "2026-11-23T10:00:00+08:00",
    "org": {
        "bot": "群管家",
        "defaults": {"audit.daily_at": ""},
        "roster": [
            {"name": "李四", "department": "行政人事部"},
            {"name": "张三", "department": "财务部"},
            {"name": "王五", "department": "财务部"},
        ],
    },
    "groups": [
        {
            "name": "全员群",
            "admins": ["李四"],
            "members": [
                {"name": "行政人事部-李四", "remark": "李四"},
                "财务部-张三",
                "财务部-王五",
            ],
        }
    ],
    "events": [
        {
            "type": "message",
            "group": "全员群",
            "sender": "行政人事部-李四",
            "text": f"/notice 10m {RISKY}",
        },
        {
            "after": "1m",
            "type": "message",
            "group": "全员群",
            "sender": "财务部-张三",
            "text": "收到",
        },
        {
            "after": "20m",
            "type": "message",
            "group": "全员群",
            "sender": "财务部-王五",
            "text": "好的",
        },
        {
            "type": "message",
            "group": "全员群",
            "sender": "行政人事部-李四",
            "text": "/roster export",
        },
    ],
}


def _replies(path: Path) -> dict[str, tuple[Any, ...]]:
    book = load_workbook(path)
    sheet = book["通知回复"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {row[1] for row in rows} == {RISKY}
    assert all(row[4] == "2/2" for row in rows)  # the tally
    for cell in sheet["B"][1:]:
        assert cell.data_type == "s" and cell.quotePrefix
    no_formulas(path)
    return {str(row[5]): row for row in rows}


@pytest.mark.slow
def test_replies_sheet_in_roster_export_and_on_the_command_line(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(yaml.safe_dump(SCENARIO, allow_unicode=True), encoding="utf-8")
    url = f"sqlite://{tmp_path / 'bot.sqlite3'}"
    settings = Settings(_env_file=None, database_url=url, data_dir=tmp_path)
    report = asyncio.run(Replay(load_scenario(scenario), settings, tmp_path / "files").run())
    sent = [a for a in report["actions"] if a["action"] == "file"]
    rows = _replies(Path(sent[0]["path"]))
    assert rows["财务部-张三"][7:] == ("按时回复", "2026-11-23 10:01")
    assert rows["财务部-王五"][7:] == ("逾期回复", "2026-11-23 10:21")

    config = tmp_path / "company.yaml"
    config.write_text(
        yaml.safe_dump(
            {"org": SCENARIO["org"], "groups": [{"name": "全员群", "admins": ["李四"]}]},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out" / "notices.xlsx"
    env = {"DATABASE_URL": url}
    done = qunguan("notices", "export", "--config", str(config), "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert _replies(out).keys() == rows.keys()
    bad = qunguan("notices", "export", "--config", str(config), "--out", "x.csv", env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_ack_normalisation_drops_exactly_what_isspace_calls_spacing() -> None:
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert set(SPACES) == spaces  # the table `normalise_ack` deletes, for this Python
    text = "".join(sorted(spaces)) + "收\u200b到 ＯＫ\u3000~"
    want = "".join(
        c
        for c in unicodedata.normalize("NFKC", text).casefold()
        if not c.isspace() and c not in "\u200b\u200c\u200d\u2060\ufeff"
    )
    assert normalise_ack(text) == want == "收到ok~"
