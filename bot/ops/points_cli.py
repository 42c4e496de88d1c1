"""`qunguan points export`: the points history (every month, ranked) as a sheet."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from bot.cli_support import guarded, lang_option, run_async, settings_for
from bot.core.errors import ConfigError
from bot.ops.common import opened, translator
from bot.settings import Settings

points_app = typer.Typer(help="The points ledger: export its history.", no_args_is_help=True)


@points_app.command("export")
def export(
    out: Annotated[Path | None, typer.Option("--out", help="the xlsx to write")] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="the org and groups (default: the CONFIG_FILE setting)"),
    ] = None,
    platform: Annotated[
        str | None, typer.Option("--platform", help="wechat or telegram, if both run")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", callback=lang_option, help="zh_CN (default) or en")
    ] = None,
) -> None:
    """Write every month's ranking of every group that keeps points, newest month first."""

    def work() -> None:
        settings = settings_for("WARNING")
        path = config or settings.config_file
        if path is None:
            raise ConfigError("--config", "give the org and groups file (or set CONFIG_FILE)")
        stamp = f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
        target = out or settings.data_dir / "exports" / f"points-{stamp}.xlsx"
        if target.suffix.lower() != ".xlsx":
            raise ConfigError("--out", f"expected an .xlsx file, got {target.name}")
        typer.echo(run_async(_export(settings, path, target.resolve(), platform, lang)))

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
