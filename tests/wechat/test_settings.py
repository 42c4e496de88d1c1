"""The `wechat:` section and `qunguan run --adapter wechat`: one clear error for bad input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from adapters.wechat.settings import load_section
from bot.cli import app
from bot.core.config_file import StrictOrgConfig
from bot.core.errors import ConfigError
from tests.wechat.conftest import make_config


def section(config: dict[str, Any]):
    return load_section(StrictOrgConfig.model_validate(config))


@pytest.mark.parametrize(
    ("wechat", "where", "says"),
    [
        ({"library": "wxauto"}, "wechat.library", "wxautox"),
        ({"throttle": {"per_minute": 60}}, "wechat.throttle.per_minute", "40"),
        ({"throttle": {"same_chat": "0s"}}, "wechat.throttle", "1s apart"),
        ({"console": {"chat": "工作群"}}, "wechat.console.chat", "governed group"),
        (
            {"library": "wxauto4", "console": {"chat": "c", "admins": {"李四": "wxid_li01"}}},
            "groups",
            "at most 1",
        ),
        ({"contacts": {"陈静": "陈静"}}, "wechat.contacts.陈静", "WeChat ID"),
        ({"retries": 3}, "wechat.retries", "unknown key"),
    ],
)
def test_bad_sections_name_the_key(wechat: dict[str, Any], where: str, says: str) -> None:
    with pytest.raises(ConfigError) as err:
        section(make_config([{"name": "工作群"}], wechat=wechat))
    assert err.value.where == where
    assert says in err.value.message


def test_admins_must_be_wechat_ids() -> None:
    with pytest.raises(ConfigError) as err:
        section(make_config([{"name": "工作群", "admins": ["陈静"]}]))
    assert err.value.where == "groups[0].admins[0]"


def test_a_good_section() -> None:
    got = section(make_config([{"name": "工作群"}], wechat={"throttle": {"per_minute": 20}}))
    assert got.library == "wxautox"
    assert got.throttle.limits().per_minute == 20


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows refusal")
def test_run_on_linux_is_one_clear_line(tmp_path: Path) -> None:
    config = make_config([{"name": "工作群"}])
    path = tmp_path / "company.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "--adapter", "wechat", "--config", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "runs only on Windows" in lines[0]
