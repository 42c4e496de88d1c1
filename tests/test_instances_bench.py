"""`qunguan bench replay --instances N` (bench.replay_instances): N processes on one database,
each replaying its own groups; every one must reach its last event and exit cleanly."""

from __future__ import annotations

import pytest

from bench.replay_instances import bench_instances, instance_company

pytestmark = pytest.mark.slow  # starts bot processes


def test_each_instance_has_groups_and_a_stream_of_its_own() -> None:
    first, second = (instance_company(i, 2, 5, 30, seed=1) for i in (1, 2))
    names = [{g["name"] for g in spec["groups"]} for spec in (first, second)]
    assert names == [{"实例1-群1", "实例1-群2"}, {"实例2-群1", "实例2-群2"}]
    assert {e["group"] for e in first["events"]} <= names[0]
    assert first["org"]["roster"] == second["org"]["roster"]  # one company
    assert [e.get("text") for e in first["events"]] != [e.get("text") for e in second["events"]]


async def test_two_instances_on_one_sqlite_file() -> None:
    result = await bench_instances(
        2, 1, 5, 40, seed=1, database_url=None, redis_url=None, redis_prefix="unused"
    )
    assert (result["instances"], result["events"], result["failed"]) == (2, 80, [])
    assert result["database"] == "sqlite" and result["events_per_s"] > 0
