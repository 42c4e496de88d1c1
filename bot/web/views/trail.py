"""The audit trail: browse and filter (kind, actor, group, newest first, a page at a time);
verify the chain as `qunguan audit-log verify` does (against the latest anchor kept apart,
bot.services.trail_anchors), showing the head to keep as an anchor, or against an anchor kept
by hand; export it (.jsonl, .csv or .xlsx, hashes included)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from bot.core.errors import ConfigError
from bot.i18n import Translator
from bot.ops.trail_files import FORMATS, write_export
from bot.services import trail_verify
from bot.services.trail_anchors import Anchored, verify_anchored
from bot.services.trail_chain import Verdict
from bot.storage.anchors import Anchor
from bot.storage.models import AuditEntry
from bot.web.routing import Console, console, page, render, translator

PER_PAGE = 100
FILTERS = ("kind", "actor", "group")


async def trail_page(request: Request) -> Response:
    params = request.query_params
    query = AuditEntry.all()
    chosen = {name: params.get(name, "").strip() for name in FILTERS}
    if chosen["kind"]:
        query = query.filter(kind=chosen["kind"])
    if chosen["actor"]:
        query = query.filter(actor__icontains=chosen["actor"])
    if chosen["group"]:
        query = query.filter(group_code__icontains=chosen["group"])
    before = params.get("before", "")
    if before.isdigit():
        query = query.filter(seq__lt=int(before))
    entries = await query.order_by("-seq").limit(PER_PAGE)
    kinds = await AuditEntry.all().distinct().order_by("kind").values_list("kind", flat=True)
    checked, problem, anchor = None, None, params.get("anchor", "").strip()
    if params.get("verify") or anchor:
        checked, problem = await _verify(console(request), anchor, translator(request))
    return render(
        request,
        "trail.html",
        entries=entries,
        kinds=kinds,
        chosen=chosen,
        more=len(entries) == PER_PAGE,
        checked=checked,
        problem=problem,
        anchor=anchor,
        formats=[f.lstrip(".") for f in FORMATS],
    )


async def _verify(c: Console, text: str, t: Translator) -> tuple[Anchored | None, str | None]:
    """The verification and, if it failed, why (or only why: a malformed anchor given,
    unreadable anchors)."""
    kept = Anchor.parse(text.lower()) if text else None
    if text and kept is None:
        return None, t("web-trail-anchor-malformed")
    if c.anchors is None:  # a console built without anchors (`qunguan web` always has them)
        verdict = await trail_verify.verify()
        if verdict.ok and kept is not None:
            verdict = await trail_verify.check_anchor(kept.seq, kept.hash) or verdict
        return Anchored(verdict, None, "—"), _reason(verdict, t)
    try:
        checked = await verify_anchored(c.anchors, kept)
    except ConfigError as exc:
        return None, str(exc)
    return checked, _reason(checked.verdict, t)


def _reason(verdict: Verdict, t: Translator) -> str | None:
    if verdict.ok:
        return None
    reason = t(verdict.broken or "", **verdict.args)
    return t("audit-verify-broken", seq=verdict.args.get("seq", "?"), reason=reason)


async def export(request: Request) -> Response:
    suffix = "." + request.query_params.get("format", "jsonl")
    if suffix not in FORMATS:
        suffix = ".jsonl"
    folder = Path(tempfile.mkdtemp(prefix="qunguan-trail-"))
    target = folder / f"audit-trail{suffix}"
    write_export([entry async for entry in trail_verify.entries()], target)
    return FileResponse(target, filename=target.name, background=BackgroundTask(_gone, target))


def _gone(target: Path) -> None:
    target.unlink(missing_ok=True)
    target.parent.rmdir()


ROUTES = [page("/trail", trail_page, "trail"), page("/trail/export", export, "trail_export")]
