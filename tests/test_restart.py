"""kill -9 at random points of a scripted run, then restarts: no action repeated, none lost.

The script (tests/restart/company.yaml) is played by tests/restart_driver.py in a process of
its own, against a durable simulated platform, on a real database and the real Redis. A run
that is never killed is the reference. Then, for each trial, a fresh run is killed with
SIGKILL at a random kill point (after any database statement, or right after the platform
carried out an action), restarted, killed again at another random point, and so on until a
run gets to the end. What the platform saw (every message, removal, file, in order) and what
the bot kept (warnings, reminder counts, member states, roster, action log, audit chain,
journal) must equal the reference exactly.

QUNGUAN_RESTART_TRIALS sets the number of trials (default 1); the kill points and moments are
drawn from the suite's seed (QUNGUAN_TEST_SEED, tests/seeds.py), which every failure names.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests import seeds
from tests.conftest import REDIS_URL, fresh_database

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = Path(__file__).with_name("restart") / "company.yaml"
TRIALS = int(os.environ.get("QUNGUAN_RESTART_TRIALS", "1"))
WINDOW = 100  # start-up alone takes about 20 kill points; the whole script about 400
MAX_KILLS = 60
KILLED = -signal.SIGKILL

pytestmark = [pytest.mark.redis, pytest.mark.slow]  # processes killed and restarted


class Driver:
    """One scripted run: a state folder, a database, a Redis key prefix; many processes."""

    def __init__(self, folder: Path, url: str, prefix: str) -> None:
        self.folder, self.url, self.prefix = folder, url, prefix

    def command(self, *extra: str) -> list[str]:
        return [
            sys.executable,
            "-m",
            "tests.restart_driver",
            str(SCENARIO),
            str(self.folder),
            "--db",
            self.url,
            "--redis",
            REDIS_URL,
            "--prefix",
            self.prefix,
            # One folder for the files of every run, so their paths compare equal.
            "--files",
            str(self.folder.parent / "files"),
            *extra,
        ]

    def run(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*extra), cwd=ROOT, capture_output=True, text=True, timeout=120
        )

    def finish(self) -> dict[str, Any]:
        done = self.run("--summary")
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])


def same_outcome(got: dict[str, Any], want: dict[str, Any], context: str) -> None:
    for part in ("transcript", "warnings", "members", "employees", "actions", "causes", "audit"):
        assert got[part] == want[part], f"{part} differs ({context})"
    assert got["audit"]["ok"], context


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


async def reference(backend: str, tmp_path: Path, prefix: str) -> dict[str, Any]:
    async with fresh_database(backend, tmp_path / "ref") as url:
        (tmp_path / "ref").mkdir(exist_ok=True)
        return Driver(tmp_path / "ref", url, f"{prefix}:ref").finish()


async def test_reference_run_is_rich_and_intact(tmp_path: Path, redis_prefix: str) -> None:
    """The script exercises every kind of effect, and a whole run leaves a whole chain."""
    ref = await reference("sqlite", tmp_path, redis_prefix)
    kinds = {(a["type"], a.get("kind") or a.get("reason")) for a in ref["transcript"]}
    for wanted in [
        ("Remove", "not_on_roster"),
        ("Remove", "departed"),
        ("Remove", "warn_limit"),
        ("Remove", "admin"),
        ("Send", "warning"),
        ("Send", "naming_reminder"),
        ("Send", "audit_report"),
        ("Direct", "command_reply"),
        ("SendFile", "roster_export"),
    ]:
        assert wanted in kinds
    assert ref["audit"]["ok"]
    assert ref["audit"]["count"] > len(ref["transcript"])
    assert set(ref["causes"]) == {"done"}


async def test_kill_at_random_points(backend: str, tmp_path: Path, redis_prefix: str) -> None:
    """Each trial kills the run again and again, each time at a random one of the next
    WINDOW kill points (start-up and resuming included), until a run gets to the end."""
    ref = await reference(backend, tmp_path, redis_prefix)
    rng = seeds.rng(f"kill points {backend}")
    total = 0
    for trial in range(TRIALS):
        folder = tmp_path / f"trial{trial}"
        folder.mkdir()
        kills: list[int] = []
        async with fresh_database(backend, folder) as url:
            driver = Driver(folder, url, f"{redis_prefix}:{trial}")
            while len(kills) < MAX_KILLS:
                kills.append(rng.randint(1, WINDOW))
                done = driver.run("--kill-at", str(kills[-1]))
                context = f"{seeds.replay_hint()}, trial {trial}, killed at points {kills}"
                assert done.returncode in (0, KILLED), f"{context}: {done.stderr[-2000:]}"
                if done.returncode == 0:
                    break
            assert len(kills) > 1, context
            same_outcome(driver.finish(), ref, context)
        total += len(kills) - 1  # the last run got to the end
    print(f"{backend}: {total} kills in {TRIALS} trials, {seeds.replay_hint()}, all equal")  # noqa: T201


async def test_kill_at_random_moments(tmp_path: Path, redis_prefix: str) -> None:
    """The same with a SIGKILL from outside at a random moment, as an operator would: in the
    middle of a random step (or just after it), never before the run started or after it
    ended, since the driver goes step by step and waits for a go between steps."""
    ref = await reference("sqlite", tmp_path, redis_prefix)
    steps = int(ref["steps"])
    rng = seeds.rng("kill moments")
    for trial in range(TRIALS):
        folder = tmp_path / f"moment{trial}"
        folder.mkdir()
        async with fresh_database("sqlite", folder) as url:
            driver = Driver(folder, url, f"{redis_prefix}:m{trial}")
            after, delay = rng.randrange(steps), rng.uniform(0.0, 0.02)
            context = f"{seeds.replay_hint()}, killed {delay:.3f}s into step {after + 1}"
            lines = _kill_during_step(driver.command("--step-by-step"), after, delay, folder)
            assert lines[0] == f"started 0/{steps}", context
            # killed in the step it let start, or waiting right after it: mid-run either way
            assert _steps_done(lines[-1]) in (after, after + 1), f"{context}: {lines}"
            same_outcome(driver.finish(), ref, context)


def _steps_done(line: str) -> int:
    """K of a progress line `started K/N` or `done K/N`."""
    return int(line.split()[1].split("/")[0])


def _kill_during_step(command: list[str], after: int, delay: float, folder: Path) -> list[str]:
    """Run the driver step by step up to `after` steps done, let it go on, SIGKILL it `delay`
    seconds later; the progress lines it printed (`started K/N`, `done K/N`)."""
    lines: list[str] = []
    with (
        (folder / "killed.log").open("w") as log,
        subprocess.Popen(
            command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True
        ) as process,
    ):
        watchdog = threading.Timer(120, process.kill)  # a hung driver fails the test, not CI
        watchdog.start()
        assert process.stdin is not None and process.stdout is not None
        try:
            for line in process.stdout:
                lines.append(line.rsplit(" ", 1)[0])  # without the seconds
                process.stdin.write("go\n")
                process.stdin.flush()
                if _steps_done(lines[-1]) == after:
                    time.sleep(delay)  # the random moment: the point of this test, not a wait
                    process.send_signal(signal.SIGKILL)
                    break
            lines += [line.rsplit(" ", 1)[0] for line in process.stdout]
        finally:
            watchdog.cancel()
            process.kill()
    log_tail = (folder / "killed.log").read_text(encoding="utf-8")[-2000:]
    assert process.returncode == KILLED, f"the run ended before the kill: {lines} {log_tail}"
    return lines
