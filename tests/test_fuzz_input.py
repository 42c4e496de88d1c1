"""The fuzz suite (issue 11): policy values, scenario files and commands drawn by
hypothesis (derandomised, or seeded by QUNGUAN_TEST_SEED; tests/conftest.py). Whatever comes
in: one `ConfigError` line or a clean run; no other exception, no placeholder in any message,
no "internal error" reply, no logged failure, bounded time. A sample runs `qunguan replay`
as a process under a 2 GB address-space limit and a 30 s timeout.

Counts are in DEVELOPERS.md ("Fuzz suite")."""

from __future__ import annotations

import asyncio
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from loguru import logger

from adapters.sim.replay import run_replay
from adapters.sim.scenario import load_scenario
from bot.core import bounds
from bot.core.employees import RosterEntry
from bot.core.errors import ConfigError
from bot.core.policy import build_policy
from bot.i18n import Translator
from bot.services.names import render_template
from bot.settings import Settings
from tests import fuzz_strategies as fz
from tests.cli import ROOT

# What a message shows when Fluent fails, and the translator's own block token; the inputs
# may hold `{$x}` (it is echoed), never these.
PLACEHOLDERS = ("{???}", "\ue000")
# QUNGUAN_FUZZ_SCALE=N tries N times as many cases (a longer hunt; DEVELOPERS.md).
SCALE = int(os.environ.get("QUNGUAN_FUZZ_SCALE", "1"))
POLICIES = settings(
    max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
FILES = settings(
    max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
REPLAYS = settings(max_examples=25 * SCALE, deadline=None, suppress_health_check=list(HealthCheck))
# A hang or a blow-up, not a benchmark: CPU seconds of this process, which waiting for a busy
# machine's cores does not count (a load takes milliseconds; the bugs this caught took minutes).
CPU_BOUND = 5.0
TRIED: Counter[str] = Counter()  # cases per outcome, printed with -s (tests/test_fuzz_input.py)


def one_line(error: ConfigError) -> None:
    assert "\n" not in str(error) and error.where and error.message, str(error)
    assert len(str(error)) < 2_000


def dump(doc: object) -> str:
    # YAML cannot say NaN-free floats otherwise; safe_dump writes .nan/.inf as YAML does.
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@pytest.mark.slow
@POLICIES
@given(defaults=fz.policy(), overrides=fz.policy())
def test_fuzz_policy_values(defaults: dict[str, Any], overrides: dict[str, Any]) -> None:
    started = time.process_time()
    try:
        policy = build_policy(defaults, overrides)
    except ConfigError as error:
        one_line(error)
        assert error.where.startswith(("org.defaults", "policy")), str(error)  # noqa: PT017
        TRIED["policy refused"] += 1
        return
    TRIED["policy accepted"] += 1
    # Accepted: every value is usable without overflow, and renders.
    entry = RosterEntry(1, "张三", "财务部", phone="13800000001", employee_no="E1")
    assert len(render_template(policy.naming.template, entry, "公司")) < 1_000
    latest = datetime(bounds.LAST_YEAR + 4, 1, 1, tzinfo=UTC)
    for span in (policy.warnings.expire, policy.remind.cooldown, policy.content.mute_for):
        assert latest + span >= latest - span
    text = Translator("en")(
        "warning-issued", member="x", count=policy.warnings.limit, limit=policy.warnings.limit
    )
    assert not any(mark in text for mark in PLACEHOLDERS), text
    assert time.process_time() - started < CPU_BOUND


@pytest.mark.slow
@FILES
@given(doc=fz.scenario())
def test_fuzz_scenario_files_load_or_refuse(doc: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="qunguan-fuzz-") as tmp:
        _load_or_refuse(Path(tmp) / "s.yaml", doc)


def _load_or_refuse(path: Path, doc: Any) -> None:
    path.write_text(dump(doc), encoding="utf-8")
    started = time.process_time()
    try:
        scenario = load_scenario(path)
    except ConfigError as error:
        one_line(error)
        TRIED["scenario refused"] += 1
    else:
        TRIED["scenario accepted"] += 1
        last = scenario.steps[-1].at if scenario.steps else scenario.spec.start
        assert last - scenario.spec.start <= bounds.MAX_SPAN
    assert time.process_time() - started < CPU_BOUND


class Failures:
    """Loguru records at ERROR and above while a replay runs (a handler or job that failed)."""

    def __init__(self) -> None:
        self.records: list[str] = []

    def __enter__(self) -> Failures:
        self._id = logger.add(lambda m: self.records.append(str(m)), level="ERROR")
        return self

    def __exit__(self, *exc: object) -> None:
        logger.remove(self._id)


def replay(doc: dict[str, Any], tmp: Path) -> dict[str, Any] | None:
    path = tmp / "s.yaml"
    path.write_text(dump(doc), encoding="utf-8")
    try:
        scenario = load_scenario(path)
    except ConfigError as error:
        one_line(error)
        TRIED["replay refused"] += 1
        return None
    TRIED["replayed"] += 1
    settings_ = Settings(_env_file=None, data_dir=tmp)
    with Failures() as failures:
        started = time.monotonic()
        report = asyncio.run(
            asyncio.wait_for(run_replay(scenario, settings_, files_dir=tmp / "files"), 30)
        )
        assert time.monotonic() - started < 30
    assert failures.records == [], failures.records[0][:2_000]
    internal = Translator("zh_CN")("error-internal")
    for action in report["actions"]:
        text = action.get("text") or ""
        assert not any(mark in text for mark in PLACEHOLDERS), text[:300]
        assert text != internal, action
    return report


@pytest.mark.slow
@REPLAYS
@given(doc=fz.scenario())
def test_fuzz_scenarios_replay(doc: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="qunguan-fuzz-") as tmp:
        replay(doc, Path(tmp))


@pytest.mark.slow
@REPLAYS
@given(texts=fz.st.lists(fz.command_text, min_size=5, max_size=25))
def test_fuzz_commands(texts: list[str]) -> None:
    doc = fz.base_scenario()
    senders = ("行政-李四", "路人")
    doc["events"] = [
        {"type": "message", "group": "全员群", "sender": senders[i % 7 == 6], "text": text}
        for i, text in enumerate(texts)
    ] + [{"type": "direct", "from": "陈静", "text": texts[0]}]
    with tempfile.TemporaryDirectory(prefix="qunguan-fuzz-") as tmp:
        report = replay(doc, Path(tmp))
    assert report is not None and report["actions"]


HOSTILE_FILES = {
    "deep": "[" * 20_000 + "]" * 20_000,
    "laughs": "\n".join(
        ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    ),
    "template": dump(
        {
            **fz.base_scenario(),
            "org": {"defaults": {"naming.template": "{department}-{name:>300000000}"}},
        }
    ),
    "far": dump({**fz.base_scenario(), "events": [{"type": "tick", "at": "9999-12-31"}]}),
}


def _limits() -> None:
    two_gb = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (two_gb, two_gb))


# The config file `qunguan run` reads: a key given twice, nested and dotted.
RUN_CONFIG = dump({"groups": [{"name": "全员群", "policy": {"warnings": 3, "warnings.limit": 2}}]})


@pytest.mark.slow
@pytest.mark.parametrize("name", [*sorted(HOSTILE_FILES), "run"])
def test_hostile_files_as_a_process_under_limits(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(HOSTILE_FILES.get(name, RUN_CONFIG), encoding="utf-8")
    args = ["run", "--adapter", "wechat", "--config"] if name == "run" else ["replay"]
    command = [sys.executable, "-c", "from bot.cli import main; main()", *args, str(path)]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=_limits,
    )
    assert result.returncode == 2, result.stderr[-2_000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-2_000:]
    assert "Traceback" not in result.stderr
    if name == "run":
        assert lines == [
            "error: groups[0].policy.warnings: given twice (nested and dotted); give each key once"
        ]


@pytest.fixture(scope="module", autouse=True)
def _counts() -> Any:
    yield
    print("\nfuzz cases:", dict(sorted(TRIED.items())))  # noqa: T201 - shown with -s
