"""The audit trail: browse and filter (kind, actor, group, newest first, a page at a time);
verify the chain with the result and the head to keep as an anchor, or against an anchor kept
earlier; export it (.jsonl, .csv or .xlsx, hashes included)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from bot.ops.trail_files import FORMATS, write_export
from bot.services import trail_verify
from bot.services.trail_chain import Verdict
from bot.storage.models import AuditEntry
from bot.web.routing import page, render, translator

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
    verdict, anchor = None, params.get("anchor", "").strip()
    if params.get("verify") or anchor:
        verdict = await _verify(anchor)
    return render(
        request,
        "trail.html",
        entries=entries,
        kinds=kinds,
        chosen=chosen,
        more=len(entries) == PER_PAGE,
        verdict=verdict,
        anchor=anchor,
        reason=_reason(request, verdict),
        formats=[f.lstrip(".") for f in FORMATS],
    )


async def _verify(anchor: str) -> Verdict:
    verdict = await trail_verify.verify()
    seq, _, digest = anchor.partition(":")
    if verdict.ok and anchor:
        if not seq.isdigit() or len(digest) != 64:
            verdict.broken = "web-trail-anchor-malformed"
            return verdict
        verdict = await trail_verify.check_anchor(int(seq), digest.lower()) or verdict
    return verdict


def _reason(request: Request, verdict: Verdict | None) -> str | None:
    if verdict is None or verdict.ok:
        return None
    return translator(request)(verdict.broken or "", **verdict.args)


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
