"""The default database does not depend on the current folder (issue 13): it lives in
DATA_DIR (default: the user's data folder, platformdirs), and every command says which
database it used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from platformdirs import user_data_path
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import Settings


def test_default_database_is_in_the_users_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATA_DIR", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings(_env_file=None)
    assert settings.data_dir == user_data_path("qunguan", appauthor=False)
    assert settings.database_url == f"sqlite://{settings.data_dir / 'qunguan.sqlite3'}"


def test_a_relative_data_dir_is_made_absolute_for_the_database(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "x")
    assert settings.database_url == f"sqlite://{tmp_path / 'x' / 'qunguan.sqlite3'}"
    assert Settings(_env_file=None, database_url="postgres://a@h/db").database_url.startswith(
        "postgres://"
    )


def test_commands_from_any_folder_use_one_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    env = {"DATA_DIR": str(tmp_path / "data"), "LOCALE": "en"}
    runner = CliRunner()
    seen = []
    for folder in (tmp_path / "a", tmp_path / "b"):
        folder.mkdir()
        monkeypatch.chdir(folder)
        done = runner.invoke(app, ["audit-log", "verify"], env=env)
        assert done.exit_code == 0, done.output
        seen.append(done.stderr)
    expected = f"Database: sqlite://{tmp_path / 'data' / 'qunguan.sqlite3'}\n"
    assert seen == [expected, expected]
    assert not any(p.name == "data" for p in (tmp_path / "a").iterdir())
    assert "qunguan.sqlite3" in os.listdir(tmp_path / "data")


def test_help_is_chinese_by_default_and_flags_show_no_type() -> None:
    import subprocess
    import sys

    base = {k: v for k, v in os.environ.items() if k != "LOCALE"}
    for args, lang, expected in [
        (["roster", "import", "--help"], None, "正式导入（不加则只预览）"),
        (["audit-log", "verify", "--help"], "en", "SEQ:HASH printed by an earlier verify"),
        (["backup", "--help"], None, "--lang"),
        (["audit-log", "export", "--help"], None, "--lang"),
    ]:
        env = {**base, **({"LOCALE": lang} if lang else {})}
        done = subprocess.run(
            [sys.executable, "-c", "from bot.cli import main; main()", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout
        assert "<bool>" not in done.stdout
