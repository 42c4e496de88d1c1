"""One step of `qunguan bench import`, run in a process of its own so that its peak RSS
(VmHWM: the whole process, interpreter and imports included) is the step's alone.

`python -m bench.import_step STEP FILE DATABASE_URL WORKDIR` prints one JSON object: rows
read, CPU and wall seconds of the step (imports and opening the database not counted), peak
RSS in MB, and for preview/apply the plan's counts. Steps: `openpyxl` and `calamine` (the
bare parse of the sheet, the baselines), `preview`, `apply`.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _openpyxl(path: Path) -> dict[str, Any]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in book[book.sheetnames[0]].iter_rows(values_only=True))
    book.close()
    return {"rows": rows}


def _calamine(path: Path) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as book:
        rows = sum(1 for _ in book.get_sheet_by_index(0).iter_rows())
    return {"rows": rows}


async def _import(step: str, path: Path, url: str, work: Path) -> dict[str, Any]:
    from bot.core.clock import SystemClock
    from bot.services import roster_import
    from bot.services.audit_trail import AuditTrail
    from bot.storage.anchors import FileAnchors
    from bot.storage.db import Database

    database = Database(url)
    await database.open()
    try:
        started = time.process_time(), time.perf_counter()
        if step == "preview":
            result = await roster_import.preview(path)
        else:
            audit = AuditTrail(SystemClock(), FileAnchors(work / "anchors"))
            result = await roster_import.apply(
                path, clock=SystemClock(), audit=audit, actor="bench", force=True
            )
        cpu, wall = time.process_time() - started[0], time.perf_counter() - started[1]
    finally:
        await database.close()
    rows = result.parsed.rows_read
    return {"rows": rows, "cpu_s": cpu, "wall_s": wall, **result.plan.counts()}


def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM, which starts afresh at exec (ru_maxrss does not: on
    Linux it keeps the parent's peak at fork, and would report the bench's own)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(step: str, path: Path, url: str, work: Path) -> dict[str, Any]:
    """The step's figures (see the module docstring)."""
    if step in ("openpyxl", "calamine"):
        started = time.process_time(), time.perf_counter()
        out = (_openpyxl if step == "openpyxl" else _calamine)(path)
        out["cpu_s"] = time.process_time() - started[0]
        out["wall_s"] = time.perf_counter() - started[1]
    else:
        out = asyncio.run(_import(step, path, url, work))
    out["peak_rss_mb"] = peak_rss_mb()
    return {"step": step, **out}


if __name__ == "__main__":
    step, file, url, workdir = sys.argv[1:5]
    sys.stdout.write(json.dumps(run(step, Path(file), url, Path(workdir))) + "\n")
