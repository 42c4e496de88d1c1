"""Warnings: live, expired and revoked, with the evidence; revoking one is recorded in the
audit trail with the console user as the actor."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.services import warning_admin
from bot.services.warning_admin import WARNING_STATES, WarningState
from bot.web.routing import action, actor, console, page, read_model, render, translator


def _state(value: str | None) -> WarningState:
    return next((s for s in WARNING_STATES if s == value), "live")


async def warnings_page(request: Request, notice: str | None = None) -> Response:
    c, model = console(request), read_model(request)
    state = _state(request.query_params.get("state"))
    groups = [row.runtime for row in await model.groups() if row.db_id]
    rows = await warning_admin.listed(groups, c.clock.now(), state)
    return render(
        request, "warnings.html", rows=rows, state=state, states=WARNING_STATES, notice=notice
    )


async def revoke(request: Request) -> Response:
    c, model, t = console(request), read_model(request), translator(request)
    try:
        warning_id = int(request.path_params["warning_id"])
    except ValueError:
        warning_id = 0
    groups = [row.runtime for row in await model.groups() if row.db_id]
    done = await warning_admin.revoke(
        warning_id, groups, clock=c.clock, trail=c.trail, actor=actor(request)
    )
    if done is None:
        return await warnings_page(request, notice=t("web-warning-not-revoked"))
    return RedirectResponse(f"{request.url_for('warnings')}?state=revoked", status_code=303)


ROUTES = [
    page("/warnings", warnings_page, "warnings"),
    action("/warnings/{warning_id}/revoke", revoke, "warning_revoke"),
]
