"""A group: its members with status, the bound employee, the name to set and live warnings,
filtered by status and searched by name; the employees in scope who are not in it."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from bot.services.compliance_history import COUNTED
from bot.web.routing import console, page, read_model, render


async def group_page(request: Request) -> Response:
    c, model = console(request), read_model(request)
    try:
        db_id = int(request.path_params["db_id"])
    except ValueError:
        raise HTTPException(404) from None
    row = await model.group(db_id)
    measured = await model.measure(row, c.data_dir) if row else None
    if row is None or measured is None:
        raise HTTPException(404)
    status = request.query_params.get("status", "")
    query = request.query_params.get("q", "").strip().casefold()
    members = [
        item
        for item in measured.snapshot.results
        if item.status != "bot"
        and (not status or item.status == status)
        and (
            not query
            or query in item.member.display.casefold()
            or (item.entry is not None and query in item.entry.name.casefold())
        )
    ]
    return render(
        request,
        "group.html",
        row=row,
        measured=measured,
        members=members,
        statuses=COUNTED,
        status=status,
        q=request.query_params.get("q", ""),
    )


ROUTES = [page("/groups/{db_id}", group_page, "group")]
