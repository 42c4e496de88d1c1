"""A company the bot has run on, for the console tests: the roster-export scenario replayed
(two groups with compliant, misnamed, unknown and departed members, a warning, an audit; in
财务群 also an impostor showing 王芳's name beside 王芳, known by her remark), and console users
added as `qunguan web user add` adds them."""

from __future__ import annotations

from pathlib import Path

import yaml

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.core.clock import VirtualClock
from bot.settings import Settings
from bot.storage.db import Database
from tests.test_roster_export import write_files


async def seeded_database(folder: Path, password: str) -> tuple[Path, Path]:
    from bot.web import users

    scenario_path, config_path = write_files(folder)
    data = yaml.safe_load(scenario_path.read_text(encoding="utf-8"))
    finance = next(g for g in data["groups"] if g["name"] == "财务群")
    finance["members"] = [
        {"name": "财务部-王芳", "remark": "王芳", "id": "wangfang"},
        "财务部-张三",
        {"name": "财务部-王芳", "id": "fake"},
    ]
    for event in data["events"]:
        if event.get("sender") == "财务部-王芳":
            event["who"] = "wangfang"
            del event["sender"]
    scenario_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    path = folder / "bot.sqlite3"
    url = f"sqlite://{path}"
    settings = Settings(_env_file=None, database_url=url, data_dir=folder)
    scenario = load_scenario(scenario_path)
    await Replay(scenario, settings, folder / "files").run()
    database = Database(url)
    await database.open()
    try:
        clock = VirtualClock(scenario.spec.start)
        await users.add("hr", password, clock, "cli:test")
        await users.add("admin", password, clock, "cli:test")
    finally:
        await database.close()
    return path, config_path
