"""Roster: search the employees; upload an HR file, see the same preview the command line
gives (added, updated, departed, errors by row and column), apply it in one transaction;
export the compliance workbook."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from tortoise.expressions import Q

from bot.core.errors import ConfigError, UserFacingError
from bot.ops.import_report import as_json, value_text
from bot.services import roster_import
from bot.services.offline_export import export_observed
from bot.services.roster_import.formats import FORMATS
from bot.services.roster_import.plan import MODES
from bot.storage.models import Employee
from bot.web import uploads
from bot.web.routing import action, actor, console, page, render, translator

UPLOAD = "upload"  # session key: the file previewed and how
SHOWN = 300


async def roster_page(request: Request, **context: Any) -> Response:
    query = request.query_params.get("q", "").strip()
    employees = Employee.all().order_by("department", "name")
    if query:
        employees = employees.filter(
            Q(name__icontains=query)
            | Q(department__icontains=query)
            | Q(employee_no__icontains=query)
        )
    return render(
        request,
        "roster.html",
        value=lambda v: value_text(translator(request), v),
        employees=await employees.limit(SHOWN),
        total=await Employee.all().count(),
        q=query,
        formats=["auto", *FORMATS],
        modes=MODES,
        **context,
    )


async def preview(request: Request) -> Response:
    c, t = console(request), translator(request)
    form = await request.form()
    upload, fmt, mode = form.get("file"), str(form.get("format", "auto")), str(form.get("mode"))
    uploads.discard(c.data_dir, (request.session.pop(UPLOAD, None) or {}).get("token"))
    try:
        if not isinstance(upload, UploadFile):
            raise UserFacingError("web-upload-empty")
        token, path = await uploads.save(upload, c.data_dir, c.max_upload)
        try:
            result = await roster_import.preview(path, format_name=fmt, mode=mode)
        except ConfigError:
            uploads.discard(c.data_dir, token)
            raise
    except UserFacingError as err:
        return await roster_page(request, error=t(err.key, **err.args_))
    except ConfigError as err:  # the importer's own verdict on the file, as the CLI gives it
        return await roster_page(request, error=str(err))
    request.session[UPLOAD] = {"token": token, "format": fmt, "mode": mode}
    report = {**as_json(t, result), "file": path.name}
    return await roster_page(request, report=report, token=token)


async def apply(request: Request) -> Response:
    c, t = console(request), translator(request)
    form = await request.form()
    kept = request.session.get(UPLOAD) or {}
    path = uploads.find(c.data_dir, str(kept.get("token", "")))
    if path is None or form.get("token") != kept.get("token"):
        return await roster_page(request, error=t("web-roster-upload-again"))
    try:
        result = await roster_import.apply(
            path,
            clock=c.clock,
            audit=c.trail,
            actor=actor(request),
            format_name=kept["format"],
            mode=kept["mode"],
            force=form.get("force") == "1",
        )
    except ConfigError as err:
        return await roster_page(request, error=str(err))
    if result.applied:
        request.session.pop(UPLOAD, None)
        uploads.discard(c.data_dir, kept["token"])
    report = {**as_json(t, result), "file": path.name}
    if result.applied:
        return await roster_page(request, report=report)
    return await roster_page(request, report=report, token=kept["token"])


async def export(request: Request) -> Response:
    c, t = console(request), translator(request)
    folder = Path(tempfile.mkdtemp(prefix="qunguan-console-"))
    target = folder / f"roster-{c.clock.now():%Y%m%d-%H%M%S}.xlsx"
    await export_observed(c.config_path, target, None, t)
    return FileResponse(
        target,
        filename=target.name,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        background=BackgroundTask(_remove, folder),
    )


def _remove(folder: Path) -> None:
    for path in folder.glob("*"):
        path.unlink(missing_ok=True)
    folder.rmdir()


ROUTES = [
    page("/roster", roster_page, "roster"),
    action("/roster/preview", preview, "roster_preview"),
    action("/roster/apply", apply, "roster_apply"),
    page("/roster/export", export, "roster_export"),
]
