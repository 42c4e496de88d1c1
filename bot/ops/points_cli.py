"""`qunguan points export`: the points history (every month, ranked) as a sheet."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli_support import guarded, run_async, settings_for
from bot.cli_text import h
from bot.ops.common import announce, opened, translator
from bot.ops.sheet_export import Config, Lang, Out, Platform, sheet_paths
from bot.settings import Settings

points_app = typer.Typer(help=h("cli-help-points"), no_args_is_help=True)


@points_app.command("export", help=h("cli-help-points-export"))
def export(
    out: Out = None, config: Config = None, platform: Platform = None, lang: Lang = None
) -> None:
    """Write every month's ranking of every group that keeps points, newest month first."""

    def work() -> None:
        settings = settings_for("WARNING")
        path, target = sheet_paths(settings, config, out, "points")
        typer.echo(run_async(_export(settings, path, target, platform, lang)))
        announce(settings, lang)

    guarded(work)


async def _export(
    settings: Settings, config: Path, target: Path, platform: str | None, lang: str | None
) -> str:
    from bot.core.clock import SystemClock
    from bot.core.group import group_runtimes
    from bot.services import points_sheet
    from bot.services.offline_members import observed_groups
    from bot.services.points import PointsService
    from bot.services.roster import RosterService
    from bot.services.roster_file import load_org_config

    t = translator(settings, lang)
    org, _ = load_org_config(config)
    async with opened(settings):
        found, _, _ = await observed_groups(group_runtimes(org), platform)
        clock = SystemClock()
        points = PointsService(clock, RosterService(clock))
        rows = await points_sheet.write(points, found, target, t)
    return t("points-export-done", path=str(target), rows=rows, groups=len(found))
