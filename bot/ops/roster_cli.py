"""`qunguan roster import|export`: HR files in, compliance sheets out (docs/hr.md)."""

from __future__ import annotations

import json
import sys
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.cli_support import guarded, lang_option, run_async, settings_for
from bot.cli_text import LANG_HELP, h
from bot.core.clock import SystemClock
from bot.ops.common import announce, audit_trail, opened, operator, translator
from bot.ops.sheet_export import Config, Out, Platform, sheet_paths
from bot.settings import Settings

if TYPE_CHECKING:  # the import (and openpyxl with it) is loaded when a file is imported
    from bot.services import roster_import

roster_app = typer.Typer(help=h("cli-help-roster"), no_args_is_help=True)
Lang = Annotated[str | None, typer.Option("--lang", callback=lang_option, help=h(LANG_HELP))]


@roster_app.command("import", help=h("cli-help-import"))
def import_(
    file: Annotated[Path, typer.Argument(help=h("cli-help-import-file"))],
    format_name: Annotated[
        str, typer.Option("--format", help=h("cli-help-import-format"))
    ] = "auto",
    sheet: Annotated[str | None, typer.Option("--sheet", help=h("cli-help-import-sheet"))] = None,
    mode: Annotated[str, typer.Option("--mode", help=h("cli-help-import-mode"))] = "partial",
    apply: Annotated[bool, typer.Option("--apply", help=h("cli-help-import-apply"))] = False,
    force: Annotated[bool, typer.Option("--force", help=h("cli-help-import-force"))] = False,
    as_json_: Annotated[bool, typer.Option("--json", help=h("cli-help-import-json"))] = False,
    lang: Lang = None,
) -> None:
    """Preview (or --apply) a roster file: added, updated, departed, unchanged, errors."""

    def work() -> int:
        from bot.ops.import_report import as_json, readable

        settings = settings_for("WARNING")
        t = translator(settings, lang)
        result = run_async(_import(settings, file, format_name, sheet, mode, apply, force))
        if as_json_:
            sys.stdout.write(json.dumps(as_json(t, result), ensure_ascii=False) + "\n")
        else:
            typer.echo("\n".join(readable(t, result)))
        announce(settings, lang)  # after the result: a bad input stays one line
        return 2 if result.refused else 0

    raise typer.Exit(guarded(work))


async def _import(
    settings: Settings,
    file: Path,
    format_name: str,
    sheet: str | None,
    mode: str,
    apply: bool,
    force: bool,
) -> roster_import.ImportResult:
    from bot.services import roster_import

    async with opened(settings):
        if not apply:
            return await roster_import.preview(
                file, format_name=format_name, sheet=sheet, mode=mode
            )
        clock = SystemClock()
        async with audit_trail(settings, clock) as audit:
            return await roster_import.apply(
                file,
                clock=clock,
                audit=audit,
                actor=operator(),
                format_name=format_name,
                sheet=sheet,
                mode=mode,
                force=force,
            )


@roster_app.command("export", help=h("cli-help-export"))
def export(
    out: Out = None, config: Config = None, platform: Platform = None, lang: Lang = None
) -> None:
    """Write the employees x groups sheet and a sheet per group, from the members the bot
    last observed in each group."""

    def work() -> None:
        settings = settings_for("WARNING")
        path, target = sheet_paths(settings, config, out, "roster")
        lines = run_async(_export(settings, path, target, platform, lang))
        typer.echo("\n".join(lines))
        announce(settings, lang)

    guarded(work)


async def _export(
    settings: Settings, config: Path, target: Path, platform: str | None, lang: str | None
) -> list[str]:
    from bot.services.offline_export import export_observed

    t = translator(settings, lang)
    async with opened(settings):
        written, missing, seen = await export_observed(config, target, platform, t)
    lines = [t("roster-export-done", path=str(written), groups=len(seen))]
    lines += [t("roster-export-seen", group=g, at=_when(at)) for g, at in seen.items()]
    lines += [t("roster-export-never", group=name) for name in missing]
    return lines


def _when(at: Any) -> str:
    return f"{at.astimezone(UTC):%Y-%m-%d %H:%M} UTC" if at else "-"
