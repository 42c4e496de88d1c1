"""`qunguan audit-log verify|export`: check the audit trail's hash chain, write it out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.cli_support import guarded, lang_option, run_async, settings_for
from bot.cli_text import LANG_HELP, h
from bot.core.errors import ConfigError
from bot.i18n import Translator
from bot.ops.common import announce, opened, translator
from bot.ops.trail_files import FORMATS, read_export, write_export
from bot.services import trail_verify
from bot.services.trail_anchors import anchors_for, verify_anchored
from bot.services.trail_chain import Verdict, anchor_verdict, verify_entries
from bot.settings import Settings
from bot.storage.anchors import Anchor

audit_app = typer.Typer(help=h("cli-help-audit"), no_args_is_help=True)
Lang = Annotated[str | None, typer.Option("--lang", callback=lang_option, help=h(LANG_HELP))]


def parse_anchor(value: str | None) -> Anchor | None:
    """`SEQ:HASH`, as `verify` prints it."""
    if value is None:
        return None
    anchor = Anchor.parse(value.lower())
    if anchor is None:
        raise typer.BadParameter("expected SEQ:HASH as printed by verify, e.g. 120:3f9a…")
    return anchor


@audit_app.command(help=h("cli-help-audit-verify"))
def verify(
    file: Annotated[Path | None, typer.Option("--file", help=h("cli-help-audit-file"))] = None,
    anchor: Annotated[
        str | None,
        typer.Option("--anchor", help=h("cli-help-audit-anchor")),
    ] = None,
    lang: Lang = None,
) -> None:
    """Exit 0 if the chain is whole and holds the latest anchor; 1 naming the first entry
    edited, inserted or deleted, or the cut."""
    kept = parse_anchor(anchor)

    def work() -> int:
        settings = settings_for("WARNING")
        t = translator(settings, lang)
        lines: list[str] = []
        if file is not None:
            verdict = verify_entries(read_export(file))
            if verdict.ok and kept is not None:
                verdict = _check_export(file, kept) or verdict
        else:
            verdict, lines = run_async(_verify_database(settings, kept, t))
            announce(settings, lang)
        if not verdict.ok:
            reason = t(verdict.broken or "", **verdict.args)
            typer.echo(t("audit-verify-broken", seq=verdict.args.get("seq", "?"), reason=reason))
            return 1
        head = Anchor(verdict.count, verdict.head)
        typer.echo(
            "\n".join([t("audit-verify-ok", count=verdict.count, anchor=str(head)), *lines])
        )
        return 0

    raise typer.Exit(guarded(work))


async def _verify_database(
    settings: Settings, kept: Anchor | None, t: Translator
) -> tuple[Verdict, list[str]]:
    """The chain, then the latest anchor kept apart (and `kept`, an anchor given by hand)."""
    anchors = anchors_for(settings)
    try:
        checked = await verify_anchored(anchors, kept, lambda: opened(settings))
    finally:
        await anchors.close()
    if checked.latest is None:
        return checked.verdict, [t("audit-verify-unanchored", where=checked.where)]
    line = t("audit-verify-checked", anchor=str(checked.latest), where=checked.where)
    return checked.verdict, [line]


def _check_export(file: Path, kept: Anchor) -> Verdict | None:
    """An export against an anchor given by hand."""
    items = list(read_export(file))
    found = next((e["hash"] for e in items if e.get("seq") == kept.seq), None)
    return anchor_verdict(found, kept.seq, kept.hash, len(items))


@audit_app.command(help=h("cli-help-audit-export"))
def export(
    out: Annotated[Path | None, typer.Option("--out", help=h("cli-help-audit-out"))] = None,
    lang: Lang = None,
) -> None:
    """Write the whole audit trail out, hashes included (verify an export with --file)."""

    def work() -> None:
        settings = settings_for("WARNING")
        if out is not None and out.suffix.lower() not in FORMATS:
            raise ConfigError("--out", f"expected a {', '.join(FORMATS)} file, got {out.name}")
        entries = run_async(_entries(settings))
        announce(settings, lang)
        if out is None:
            for entry in entries:
                sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
            return
        write_export(entries, out)
        typer.echo(
            translator(settings, lang)("audit-export-done", count=len(entries), path=str(out))
        )

    guarded(work)


async def _entries(settings: Settings) -> list[dict[str, Any]]:
    async with opened(settings):
        return [entry async for entry in trail_verify.entries()]
