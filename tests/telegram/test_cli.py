"""The command line: `qunguan run --adapter telegram` and `qunguan telegram check` as real
processes against the fake Bot API, and every bad input as one clear line."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.telegram.config import telegram_options
from adapters.telegram.connect import make_bot, whoami
from bot.core.config_file import StrictOrgConfig
from bot.core.errors import ConfigError
from bot.settings import TelegramSettings
from tests.telegram.company import CHAT, company
from tests.telegram.fake_api import TOKEN, FakeBotAPI

QUNGUAN = str(Path(sys.executable).with_name("qunguan"))


def write_config(path: Path, people) -> Path:
    path.write_text(
        yaml.safe_dump(
            {
                "org": {
                    "bot": "群管家",
                    "admins": [people.chen["id"]],
                    "roster": [{"name": "李四", "department": "行政人事部"}],
                },
                "groups": [{"name": "全员群", "id": CHAT, "admins": [people.li4["id"]]}],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return path


def environment(api: FakeBotAPI, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM__", "DATABASE"))}
    return (
        env
        | {
            "TELEGRAM__TOKEN": TOKEN,
            "TELEGRAM__API_SERVER": api.url,
            "TELEGRAM__CHAT_INTERVAL": "0",
            "DATABASE_URL": f"sqlite://{tmp_path / 'bot.sqlite3'}",
            "DATA_DIR": str(tmp_path / "data"),
            "LOCALE": "en",
        }
        | extra
    )


@pytest.mark.slow
async def test_run_serves_until_a_signal_stops_it(api: FakeBotAPI, tmp_path: Path) -> None:
    people = company(api)
    config = write_config(tmp_path / "company.yaml", people)
    process = await asyncio.create_subprocess_exec(
        QUNGUAN,
        "run",
        "--adapter",
        "telegram",
        "--config",
        str(config),
        cwd=tmp_path,
        env=environment(api, tmp_path),
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        api.push({"message": api.world.message(CHAT, people.li4["id"], "/help")})
        async with asyncio.timeout(60):
            await api.settle(limit=60)
        assert "/kick" in api.sent(CHAT)[-1].params["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(30):
            _, stderr = await process.communicate()
    log = stderr.decode()
    assert process.returncode == 0, log
    assert "preflight: 全员群 (chat" in log
    assert "Traceback" not in log
    assert TOKEN not in log  # the secret never reaches the log


@pytest.mark.slow
async def test_check_prints_the_preflight(api: FakeBotAPI, tmp_path: Path) -> None:
    people = company(api, bot_rights={"can_manage_tags": False})
    config = write_config(tmp_path / "company.yaml", people)
    process = await asyncio.create_subprocess_exec(
        QUNGUAN,
        "telegram",
        "check",
        "--config",
        str(config),
        cwd=tmp_path,
        env=environment(api, tmp_path),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(60):
        stdout, stderr = await process.communicate()
    assert process.returncode == 0, stderr.decode()
    lines = stdout.decode().splitlines()
    assert lines[0] == "@qunguan_bot (123456)"
    assert lines[1].startswith(f'全员群 (chat {CHAT}, "全员群"): can send messages')
    assert "cannot write member tags" in lines[2]
    assert api.moderation() == []
    assert api.sent() == []


@pytest.mark.slow
async def test_a_rejected_token_is_one_line_and_exit_2(api: FakeBotAPI, tmp_path: Path) -> None:
    people = company(api)
    config = write_config(tmp_path / "company.yaml", people)
    process = await asyncio.create_subprocess_exec(
        QUNGUAN,
        "run",
        "--adapter",
        "telegram",
        "--config",
        str(config),
        cwd=tmp_path,
        env=environment(api, tmp_path, TELEGRAM__TOKEN="999:wrong-token"),
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(60):
        _, stderr = await process.communicate()
    assert process.returncode == 2
    assert stderr.decode().strip().splitlines()[-1] == (
        "error: setting TELEGRAM__TOKEN: Telegram rejected the token"
    )


def _config(**changes: Any) -> StrictOrgConfig:
    raw: dict[str, Any] = {
        "org": {"admins": ["42"]},
        "groups": [{"name": "g", "id": "-100", "admins": ["7"]}],
    }
    for key, value in changes.items():
        if key == "group":
            raw["groups"][0] |= value
        else:
            raw[key] = value
    return StrictOrgConfig.model_validate(raw)


@pytest.mark.parametrize(
    ("config", "where", "says"),
    [
        (_config(group={"id": None}), "groups[0].id", "expected the Telegram chat id"),
        (_config(group={"id": "全员群"}), "groups[0].id", "expected the Telegram chat id"),
        (_config(group={"admins": ["李四"]}), "groups[0].admins[0]", "not a name: '李四'"),
        (_config(org={"admins": ["陈静"]}), "org.admins[0]", "a Telegram user id"),
        (_config(telegram={"chat_admin": True}), "telegram.chat_admin", "unknown key"),
    ],
    ids=["no-id", "name-as-id", "admin-name", "org-admin-name", "unknown-key"],
)
def test_config_mistakes_name_the_key(config, where: str, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        telegram_options(config)
    assert caught.value.where == where
    assert says in caught.value.message


@pytest.mark.parametrize(
    ("token", "says"), [(None, "required"), ("not-a-token", "expected a token like")]
)
def test_token_mistakes_are_config_errors(token: str | None, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_bot(TelegramSettings(token=token))
    assert caught.value.where == "setting TELEGRAM__TOKEN"
    assert says in caught.value.message


async def test_an_unreachable_api_server_is_named() -> None:
    settings = TelegramSettings(token=TOKEN, api_server="http://127.0.0.1:9", max_retries=0)
    bot = make_bot(settings)
    try:
        with pytest.raises(ConfigError) as caught:
            await whoami(bot, settings)
    finally:
        await bot.session.close()
    assert caught.value.where == "setting TELEGRAM__API_SERVER"
    assert "http://127.0.0.1:9" in caught.value.message


def test_without_the_extra_the_run_command_says_what_to_install(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("groups: [{name: g, id: '-100'}]\n", encoding="utf-8")
    script = (
        "import sys; sys.modules['aiogram'] = None\n"
        "from typer.testing import CliRunner\n"
        "from bot.cli import app\n"
        f"args = ['run', '--adapter', 'telegram', '--config', {str(config)!r}]\n"
        "r = CliRunner().invoke(app, args)\n"
        "print(r.exit_code); print(r.output)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    code, line = done.stdout.splitlines()[:2]
    assert code == "2"
    assert line == (
        "error: --adapter telegram: needs the telegram extra: pip install 'qunguan[telegram]'"
    )
