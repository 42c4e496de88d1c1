"""Overview: every group with its code, platform, members by status, when its members were
last read, open notices, and the 30-day compliance chart."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from bot.services import compliance_history, notice_store
from bot.services.compliance_history import COUNTED
from bot.web.chart import Line, chart_svg
from bot.web.routing import console, page, read_model, render, translator

DAYS = 30
COLUMNS = (*COUNTED, "missing")


async def overview(request: Request) -> Response:
    c, t, model = console(request), translator(request), read_model(request)
    rows = await model.groups()
    measured = [await model.measure(row, c.data_dir) for row in rows]
    today = c.clock.now().astimezone(rows[0].runtime.tz if rows else None).date()
    history = await compliance_history.series([r.db_id for r in rows if r.db_id], today, DAYS)
    lines = [
        Line(f"{r.name} ({r.platform})", history[r.db_id]) for r in rows if r.db_id in history
    ]
    open_notices = await notice_store.open_counts(
        [r.db_id for r in rows if r.db_id], c.clock.now()
    )
    notices = [open_notices.get(r.db_id, 0) if r.db_id else None for r in rows]
    chart = chart_svg(lines, today, DAYS, t("web-chart-title", days=DAYS), t("web-chart-empty"))
    return render(
        request,
        "overview.html",
        groups=list(zip(rows, measured, notices, strict=True)),
        columns=COLUMNS,
        chart=chart,
    )


ROUTES = [page("/", overview, "overview")]
