"""`qunguan bench replay`: the whole bot on the simulator, storage included.

A generated company (roster, G groups of K members, M messages one second apart from 17:00
into the quiet hours, written as a scenario file) is replayed by the real replay runner:
engine, commands, moderation, warnings, removals and the action log, on SQLite by default,
or on PostgreSQL and Redis when their URLs are set. Only the events are timed: not loading
the scenario, migrating the database or writing the report.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from adapters.sim.replay import Replay
from adapters.sim.scenario import Step, load_scenario
from bench.corpus import Stream, dictionary, keywords
from bench.sqlcount import StatementCounter
from bench.storage import bench_storage
from bot.core.errors import ConfigError
from bot.settings import Settings

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然子轩欣怡晨阳"
DEPARTMENTS = ("财务部", "行政人事部", "销售部", "研发部", "市场部", "客服部", "采购部", "法务部")
MAX_MEMBERS = 499  # WeChat's 500 includes the bot


def people(count: int) -> list[dict[str, str]]:
    """`count` employees with distinct names (two or three characters)."""
    out: list[dict[str, str]] = []
    names = (s + g1 + g2 for g2 in ["", *GIVEN] for g1 in GIVEN for s in SURNAMES)
    for index, name in zip(range(count), names, strict=False):
        out.append({"name": name, "department": DEPARTMENTS[index % len(DEPARTMENTS)]})
    return out


def company(groups: int, members: int, messages: int, seed: int) -> dict[str, Any]:
    """The scenario as a mapping: every group has the same members, an admin and the bot."""
    if not 1 <= members <= MAX_MEMBERS - 1:
        raise ConfigError("--members", f"expected 1 to {MAX_MEMBERS - 1} (plus an admin)")
    if groups < 1 or messages < 1:
        raise ConfigError("--groups/--messages", "expected at least 1")
    staff = people(members)
    displays = [f"{p['department']}-{p['name']}" for p in staff]
    words = dictionary()
    banned = keywords(words, 100, seed)
    stream = Stream(words, banned, seed + 1).messages(messages, groups * members)
    admin = {"name": "行政人事部-管理员", "remark": "管理员"}
    events = []
    for msg in stream:
        group, member = divmod(msg.sender, members)
        event = {"type": "message", "group": f"群{group + 1}", "sender": displays[member]}
        if msg.kind == "voice":
            event["kind"] = "voice"
        else:
            event["text"] = msg.text
        events.append(event)
    return {
        "start": "2026-11-23T17:00:00+08:00",
        "org": {
            "bot": "群管家",
            "roster": [*staff, {"name": "管理员", "department": "行政人事部"}],
            "defaults": {"content.banned_keywords": banned},
        },
        "groups": [
            {"name": f"群{g + 1}", "admins": ["管理员"], "members": [admin, *displays]}
            for g in range(groups)
        ],
        "events": events,
    }


class Stopwatch:
    """A replay observer that times the events (from the first to the last) and counts the
    SQL statements and writes of each (bench.sqlcount)."""

    def __init__(self, last: int, counter: StatementCounter) -> None:
        self.last = last
        self.started = self.stopped = 0.0
        self.cpu = [0.0, 0.0]  # process CPU seconds at the first event and after the last
        self.counter = counter
        self.mark = (0, 0)
        self.per_event: Counter[tuple[int, int]] = Counter()  # (statements, writes) → events

    async def before(self, step: Step) -> None:
        if step.index == 0:
            self.started, self.cpu[0] = time.perf_counter(), time.process_time()
        self.mark = (self.counter.count, self.counter.writes)

    async def done(self) -> None:
        """Nothing to time after the last event."""

    async def after(self, step: Step, skipped: bool) -> None:
        if step.index == self.last:
            self.stopped, self.cpu[1] = time.perf_counter(), time.process_time()
        counted = (self.counter.count - self.mark[0], self.counter.writes - self.mark[1])
        self.per_event[counted] += 1

    def statements(self) -> dict[str, Any]:
        """How many events sent how many statements; the events that wrote nothing."""
        quiet = {n: k for (n, w), k in self.per_event.items() if w == 0}
        return {
            "events_without_writes": sum(quiet.values()),
            "statements_per_event_without_writes": dict(sorted(Counter(quiet).items())),
            "statements_per_event": round(
                sum(n * k for (n, _), k in self.per_event.items()) / self.per_event.total(), 2
            ),
        }


async def bench_replay(
    groups: int,
    members: int,
    messages: int,
    *,
    seed: int,
    database_url: str | None,
    redis_url: str | None,
    redis_prefix: str = "qunguan",
) -> dict[str, Any]:
    """Run the benchmark; the dict is what `--json` prints."""
    with tempfile.TemporaryDirectory(prefix="qunguan-bench-") as tmp:
        started = time.perf_counter()
        scenario = load_scenario(write_company(Path(tmp), groups, members, messages, seed))
        load_s = time.perf_counter() - started
        async with AsyncExitStack() as stack:
            url, counters = await bench_storage(
                stack, Path(tmp), database_url, redis_url, redis_prefix
            )
            settings = Settings(_env_file=None, database_url=url, data_dir=Path(tmp))
            counter = StatementCounter()
            watch = Stopwatch(scenario.steps[-1].index, counter)
            replay = Replay(scenario, settings, Path(tmp) / "files", counters, observer=watch)
            with counter.counting():
                report = await replay.run()
    elapsed = watch.stopped - watch.started
    return {
        "events_per_s": round(len(scenario.steps) / elapsed),
        "database": "sqlite" if url.startswith("sqlite") else "postgres",
        "redis": bool(redis_url),
        "groups": groups,
        "members": members,
        "messages": messages,
        "events": len(scenario.steps),
        "elapsed_s": round(elapsed, 2),
        "cpu_s": round(watch.cpu[1] - watch.cpu[0], 2),  # the bot's own, not the servers'
        "load_s": round(load_s, 2),
        "actions": len(report["actions"]),
        "skipped": len(report.get("skipped", [])),
        **watch.statements(),
    }


def write_company(folder: Path, groups: int, members: int, messages: int, seed: int) -> Path:
    """The scenario file. JSON is YAML: the file `qunguan replay` would read. Not
    ASCII-escaped: YAML reads an escaped emoji as two lone surrogates."""
    path = folder / "company.yaml"
    text = json.dumps(company(groups, members, messages, seed), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path
