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
from bot.ops.common import announce, opened, translator
from bot.ops.trail_files import FORMATS, read_export, write_export
from bot.services import trail_verify
from bot.services.trail_chain import Verdict, anchor_verdict, verify_entries
from bot.settings import Settings

audit_app = typer.Typer(help=h("cli-help-audit"), no_args_is_help=True)
Lang = Annotated[str | None, typer.Option("--lang", callback=lang_option, help=h(LANG_HELP))]


def parse_anchor(value: str | None) -> tuple[int, str] | None:
    """`SEQ:HASH`, a head printed earlier and kept elsewhere."""
    if value is None:
        return None
    seq, _, digest = value.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise typer.BadParameter("expected SEQ:HASH as printed by verify, e.g. 120:3f9a…")
    return int(seq), digest.lower()


@audit_app.command(help=h("cli-help-audit-verify"))
def verify(
    file: Annotated[Path | None, typer.Option("--file", help=h("cli-help-audit-file"))] = None,
    anchor: Annotated[
        str | None,
        typer.Option("--anchor", help=h("cli-help-audit-anchor")),
    ] = None,
    lang: Lang = None,
) -> None:
    """Exit 0 if the chain is whole; 1 naming the first entry edited, inserted or deleted."""
    kept = parse_anchor(anchor)

    def work() -> int:
        settings = settings_for("WARNING")
        t = translator(settings, lang)
        if file is not None:
            verdict = verify_entries(read_export(file))
        else:
            verdict = run_async(_verify_database(settings))
        if verdict.ok and kept is not None:
            verdict = run_async(_check_anchor(settings, file, kept)) or verdict
        if file is None:
            announce(settings, lang)
        if verdict.ok:
            typer.echo(t("audit-verify-ok", count=verdict.count, head=verdict.head))
            return 0
        reason = t(verdict.broken or "", **verdict.args)
        typer.echo(t("audit-verify-broken", seq=verdict.args.get("seq", "?"), reason=reason))
        return 1

    raise typer.Exit(guarded(work))


async def _verify_database(settings: Any) -> Verdict:
    async with opened(settings):
        return await trail_verify.verify()


async def _check_anchor(settings: Any, file: Path | None, kept: tuple[int, str]) -> Verdict | None:
    """A full rewrite of the chain keeps it whole; a hash kept elsewhere still tells."""
    seq, digest = kept
    if file is not None:
        found = next((e["hash"] for e in read_export(file) if e.get("seq") == seq), None)
        return anchor_verdict(found, seq, digest)
    async with opened(settings):
        return await trail_verify.check_anchor(seq, digest)


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
