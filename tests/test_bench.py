"""The benchmark commands run and print their JSON (tiny sizes: this checks they work, the
figures themselves are measured by hand, see bench/README.md)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from typer.testing import CliRunner

import bench.storage
from bench.storage import redis_counters, temporary_postgres
from bot.cli import app
from tests.conftest import PG_URL, REDIS_URL

runner = CliRunner()


def run(*args: str) -> dict:
    result = runner.invoke(app, ["bench", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_bench_rules_prints_the_figures_and_the_baselines_agree() -> None:
    out = run("rules", "--keywords", "200", "--messages", "3000", "--budget", "0.2")
    assert {"keywords", "messages", "msgs_per_s", "baselines", "ratio_vs_regex"} <= set(out)
    assert set(out["baselines"]) == {"regex_per_keyword", "substring_loop"}
    assert (out["keywords"], out["messages"]) == (200, 3000)
    assert out["msgs_per_s"] > 0
    assert out["banned_flagged"] > 0  # the stream does hold banned words
    assert out["baselines_agree"] is True
    # ahocorasick-rs (the bench extra) side by side: the same answer for every message.
    rs = out["ahocorasick_rs"]
    assert rs["disagreements"] == 0 and rs["hits"] > 0 and rs["end_to_end_agree"] is True
    assert set(rs["end_to_end"]) == {"pyahocorasick", "ahocorasick_rs"}


def test_the_rust_matcher_would_disagree_if_it_ranked_otherwise() -> None:
    """The comparison can fail: a matcher ranking ad before banned_keyword disagrees."""
    from bench.rules_rs import RsMatcher
    from bot.core.textmatch import KeywordMatcher

    words = [("ad", "加微信"), ("banned_keyword", "赌博")]
    ours, rust = KeywordMatcher(words), RsMatcher(words)
    text = "加微信赌博"
    assert ours.find(text, ("banned_keyword", "ad")) == rust.find(text, ("banned_keyword", "ad"))
    assert ours.find(text, ("banned_keyword", "ad")) != rust.find(text, ("ad", "banned_keyword"))


def test_bench_replay_on_sqlite_and_memory() -> None:
    out = run("replay", "--groups", "2", "--members", "30", "--messages", "400")
    assert {"events_per_s", "database", "redis", "cpu_s"} <= set(out)
    assert (out["database"], out["redis"], out["events"]) == ("sqlite", False, 400)
    assert out["cpu_s"] > 0
    assert out["actions"] > 0  # offences were found and acted on
    # Statements are counted per event: most events write nothing (clean messages).
    assert 0 < out["events_without_writes"] < out["events"]
    assert sum(out["statements_per_event_without_writes"].values()) == out["events_without_writes"]


def test_bench_audit_runs_two_days_and_counts_statements() -> None:
    out = run("audit", "--groups", "2", "--members", "40", "--roster", "120")
    assert (out["database"], out["redis"], out["groups"], out["roster"]) == (
        "sqlite",
        False,
        2,
        120,
    )
    first, steady = out["days"]
    for day in (first, steady):
        assert {"cpu_s", "wall_s", "statements_per_group", "baseline_cpu_s"} <= set(day)
        assert day["audits"] == 2  # one daily audit job per group
        assert day["statements_per_group"] >= day["statements_min"] > 0  # counted, not zero
    assert first["actions"] > 0  # day 1 removes the departed employees and reminds
    assert out["peak_rss_mb"] > 0


def test_bench_soak_reports_memory_and_the_keys_alive() -> None:
    out = run("soak", "--messages", "3000", "--keywords", "50")
    assert {"rss_start_mb", "rss_end_mb", "keys_end", "msgs_per_s"} <= set(out)
    assert [p["messages"] for p in out["points"]] == [300 * n for n in range(1, 11)]
    assert out["fired"] > 0 and out["keys_end"] > 0


def test_bench_audit_rejects_a_group_larger_than_wechat_allows() -> None:
    result = runner.invoke(app, ["bench", "audit", "--members", "501", "--json"])
    assert result.exit_code == 2


@pytest.mark.postgres
@pytest.mark.redis
def test_bench_replay_on_postgres_and_redis(
    postgres_url: str, redis_prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: dict[str, str] = {}  # its own database and key prefix: other runs may bench too

    def recording(name: str, open_storage: Any) -> Any:
        @asynccontextmanager
        async def wrapper(url: str, *args: Any) -> AsyncIterator[Any]:
            async with open_storage(url, *args) as storage:
                # the Redis prefix, or the URL of the database it made
                used[name] = args[0] if args else storage
                yield storage

        return wrapper

    monkeypatch.setattr(bench.storage, "temporary_postgres", recording("db", temporary_postgres))
    monkeypatch.setattr(bench.storage, "redis_counters", recording("prefix", redis_counters))
    out = run(
        "replay",
        *("--groups", "2", "--members", "30", "--messages", "400"),
        *("--database-url", PG_URL, "--redis-url", REDIS_URL),
    )
    assert (out["database"], out["redis"]) == ("postgres", True)
    name = used["db"].rpartition("/")[2]
    assert name.startswith("qunguan_bench_")
    assert asyncio.run(leftovers(name, used["prefix"])) == (0, 0)  # its database and keys are gone


async def leftovers(database: str, prefix: str) -> tuple[int, int]:
    import asyncpg
    from redis.asyncio import Redis

    conn = await asyncpg.connect(PG_URL.replace("postgres://", "postgresql://", 1))
    try:
        dbs = await conn.fetchval("SELECT count(*) FROM pg_database WHERE datname = $1", database)
    finally:
        await conn.close()
    redis = Redis.from_url(REDIS_URL)
    try:
        keys = [key async for key in redis.scan_iter(match=f"{prefix}:*")]
    finally:
        await redis.aclose()
    return dbs, len(keys)


def test_bad_sizes_are_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["bench", "replay", "--members", "600"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "--members" in result.stderr
