"""`qunguan demo`: a company morning on the simulator, shown as a timeline (rich)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from rich.console import Console

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from adapters.sim.timeline import Timeline
from bot.settings import Settings

DEMO_SCENARIO = "demo.yaml"


async def run_demo(settings: Settings, locale: str | None = None) -> Path:
    """Play the bundled scenario on the embedded default (a SQLite file, memory counters)."""
    console = Console(highlight=False)
    scenario_path = Path(str(resources.files("adapters.sim.scenarios") / DEMO_SCENARIO))
    scenario = load_scenario(scenario_path)
    data = settings.data_dir.resolve()
    database = data / "demo.sqlite3"
    database.unlink(missing_ok=True)  # every demo starts from the same morning
    update: dict[str, object] = {"database_url": f"sqlite://{database}"}
    if locale:
        update["locale"] = locale
    files = data / "exports"
    console.rule(f"[bold]{scenario.spec.name}")
    timeline = Timeline(scenario, console)
    replay = Replay(scenario, settings.model_copy(update=update), files, observer=timeline)
    report = await replay.run()
    console.rule("[bold]where everyone stands")
    timeline.summary(report)
    exported = [a["path"] for a in report["actions"] if a["action"] == "file"]
    if exported:
        console.print(
            f"\n[bold green]Roster spreadsheet written to[/] {exported[-1]}", soft_wrap=True
        )
    console.print(f"[dim]Database of this run: {database}[/]")
    company_config(scenario_path, data / "demo-company.yaml")
    return Path(exported[-1]) if exported else database


def company_config(scenario_path: Path, target: Path) -> Path:
    """The scenario's org and groups as a company's config file (no members, no events): what
    `qunguan web --config` reads to show the demo's groups (`make console`)."""
    raw = yaml.safe_load(scenario_path.read_text(encoding="utf-8"))
    config = {k: v for k, v in raw.items() if k not in ("start", "events")}
    config["groups"] = [
        {k: v for k, v in group.items() if k != "members"} for group in raw.get("groups", [])
    ]
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    target.write_text(text, encoding="utf-8")
    return target
