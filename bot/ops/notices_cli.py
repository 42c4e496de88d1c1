"""`qunguan notices export`: a sheet of every notice and who acknowledged it when."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli_support import guarded, run_async, settings_for
from bot.cli_text import h
from bot.ops.common import announce, opened, translator
from bot.ops.sheet_export import Config, Lang, Out, Platform, sheet_paths
from bot.settings import Settings

notices_app = typer.Typer(help=h("cli-help-notices"), no_args_is_help=True)


@notices_app.command("export", help=h("cli-help-notices-export"))
def export(
    out: Out = None, config: Config = None, platform: Platform = None, lang: Lang = None
) -> None:
    """Write one row per expected responder of every notice: the notice, its tally, whether
    and when they acknowledged (late or on time)."""

    def work() -> None:
        settings = settings_for("WARNING")
        path, target = sheet_paths(settings, config, out, "notices")
        typer.echo(run_async(_export(settings, path, target, platform, lang)))
        announce(settings, lang)

    guarded(work)


async def _export(
    settings: Settings, config: Path, target: Path, platform: str | None, lang: str | None
) -> str:
    from bot.core.group import group_runtimes
    from bot.services import notice_sheet
    from bot.services.offline_members import observed_groups
    from bot.services.roster_file import load_org_config

    t = translator(settings, lang)
    org, _ = load_org_config(config)
    async with opened(settings):
        found, _, _ = await observed_groups(group_runtimes(org), platform)
        rows = await notice_sheet.write(found, target, t)
    return t("notice-export-done", path=str(target), rows=rows, groups=len(found))
