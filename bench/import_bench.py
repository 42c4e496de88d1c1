"""`qunguan bench import`: a roster import of a generated WeCom export, step by step.

The file (bench.import_file) has N people; a second one is the same people a month later
(5 % new phones, 1 % leavers). Each run, on fresh storage (a SQLite file, or a PostgreSQL
database of its own): `preview` of the file on an empty roster, `apply` of it (everyone
added), `update` (the second file applied on that roster: matched, some updated). Every step
runs in a fresh subprocess (bench.import_step), so its peak RSS is its own. Baselines in the
same run, on the same file: the bare parse with openpyxl read-only and with python-calamine
(rows/s, peak RSS). Each figure: min, median and max over the runs.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from bench.import_file import write_wecom
from bench.storage import bench_storage
from bot.core.errors import ConfigError

STEPS = ("openpyxl", "calamine", "preview", "apply", "update")


def _step(step: str, path: Path, url: str, work: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.import_step", step, str(path), url, str(work)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ConfigError(f"bench import {step}", done.stderr.strip().splitlines()[-1])
    out: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    out["rows_per_s"] = out["rows"] / out["wall_s"]
    out["rows_per_cpu_s"] = out["rows"] / out["cpu_s"]  # the machine is shared: CPU is steadier
    return out


def _spread(values: list[float]) -> list[float]:
    return [round(min(values), 2), round(statistics.median(values), 2), round(max(values), 2)]


def _summary(runs: list[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    steps: dict[str, Any] = {}
    for step in STEPS:
        got = [run[step] for run in runs]
        steps[step] = {
            key: _spread([g[key] for g in got])
            for key in ("rows_per_s", "rows_per_cpu_s", "cpu_s", "wall_s", "peak_rss_mb")
        }
        steps[step]["counts"] = {
            k: got[0][k] for k in ("added", "updated", "departed", "unchanged") if k in got[0]
        }
    base = [run["openpyxl"]["rows_per_cpu_s"] for run in runs]
    for step in ("calamine", "preview", "apply", "update"):
        ratios = [r[step]["rows_per_cpu_s"] / b for r, b in zip(runs, base, strict=True)]
        steps[step]["ratio_vs_openpyxl"] = _spread(ratios)
    return steps


async def bench_import(
    rows: int, *, runs: int, seed: int, database_url: str | None, **_: Any
) -> dict[str, Any]:
    """Generate the files, run every step `runs` times; the figures (module docstring)."""
    with tempfile.TemporaryDirectory(prefix="qunguan-bench-import-") as tmp:
        folder = Path(tmp)
        first = write_wecom(folder / "wecom.xlsx", rows, seed)
        second = write_wecom(folder / "wecom-next.xlsx", rows, seed, changed=True)
        results = []
        for number in range(runs):
            work = folder / f"run{number}"
            work.mkdir()
            async with AsyncExitStack() as stack:
                url, _counters = await bench_storage(stack, work, database_url, None, "")
                run = {s: _step(s, first, url, work) for s in STEPS[:4]}
                run["update"] = _step("apply", second, url, work)
            results.append(run)
        database = "postgresql" if url.startswith(("postgres", "asyncpg")) else "sqlite"
        return {
            "rows": rows,
            "file_mb": round(first.stat().st_size / 2**20, 2),
            "runs": runs,
            "database": database,
            "steps": _summary(results),
        }
