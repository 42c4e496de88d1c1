"""The moderation handler inside the whole bot: once per message, what the ledger keeps, no
database for clean messages, the Telegram-style extensions (delete, mute) where a platform
declares them, and dry-run warnings kept apart from real ones."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from adapters.sim.adapter import SimAdapter
from adapters.sim.replay import build_world
from adapters.sim.scenario import Scenario, load_scenario
from bot.app import App
from bot.core.actions import Action, DeleteMessage, Mute, Outcome
from bot.core.capabilities import Capability
from bot.core.clock import VirtualClock
from bot.core.events import MessageEvent
from bot.core.members import MemberView
from bot.core.policy import build_policy
from bot.core.vocabulary import MessageKind
from bot.services.moderation import ModerationService
from bot.settings import Settings
from bot.storage.counters import Counters, MemoryCounters
from bot.storage.models import ActionRecord, Warning

SCENARIO = """
start: "2026-11-23T10:00:00+08:00"
org:
  bot: 群管家
  defaults: {{audit.daily_at: "", content.banned_keywords: [赌博]}}
  roster: [{{name: 李四, department: 行政人事部}}]
groups:
  - name: 全员群
    admins: [李四]
    policy: {policy}
    members: [{{name: 行政人事部-李四, remark: 李四}}, 陌生人]
"""


class CapableSim(SimAdapter):
    """The simulator with a Telegram-like bot: it can delete messages and mute members."""

    refuse_mute = False

    def capabilities(self, group: str) -> frozenset[Capability]:
        return super().capabilities(group) | {Capability.MUTE, Capability.DELETE_MESSAGE}

    async def execute(self, action: Action) -> Outcome:
        if isinstance(action, DeleteMessage):
            return Outcome.done()
        if isinstance(action, Mute):
            return Outcome.refused("no_rights") if self.refuse_mute else Outcome.done()
        return await super().execute(action)


def scenario(tmp_path: Path, policy: str = "{}") -> Scenario:
    path = tmp_path / "scenario.yaml"
    path.write_text(SCENARIO.format(policy=policy), encoding="utf-8")
    return load_scenario(path)


async def start_app(
    tmp_path: Path,
    database_url: str,
    counters: Counters,
    policy: str = "{}",
    platform: type[SimAdapter] = SimAdapter,
) -> tuple[App, SimAdapter]:
    sc = scenario(tmp_path, policy)
    adapter = platform(build_world(sc))
    app = App(
        settings=Settings(_env_file=None, database_url=database_url, data_dir=tmp_path),
        config=sc.spec,
        platform=adapter,
        platform_name="sim",
        clock=VirtualClock(sc.spec.start),
        files_dir=tmp_path / "files",
        counters=counters,
    )
    await app.start(sc.roster)
    return app, adapter


def message(
    text: str, key: str, sender: str = "陌生人", kind: MessageKind = "text"
) -> MessageEvent:
    return MessageEvent("全员群", MemberView(sender), text, kind, key=key)


async def actions() -> list[dict]:
    records = await ActionRecord.filter(outcome__in=("done", "dry_run")).order_by("id")
    return [record.payload for record in records]


async def test_each_message_is_judged_once(
    tmp_path: Path, database_url: str, counters: Counters
) -> None:
    app, _ = await start_app(tmp_path, database_url, counters)
    try:
        event = message("周末一起去赌博吗", key="m1")
        await app.engine.handle(event)
        await app.engine.handle(event)  # delivered again: a restart, history re-read
        assert await Warning.all().count() == 1
        assert [a["kind"] for a in await actions()] == ["warning"]
    finally:
        await app.stop()


async def test_a_warning_keeps_rule_evidence_and_time(tmp_path: Path, database_url: str) -> None:
    app, _ = await start_app(tmp_path, database_url, MemoryCounters())
    try:
        await app.engine.handle(message("兄弟们，周末一起去 赌.博 吗？" + "很长" * 60, "m1"))
        [warning] = await Warning.all()
        assert warning.rule == "banned_keyword"
        assert warning.evidence.startswith("[赌博] 兄弟们，周末一起去 赌.博 吗？")
        assert len(warning.evidence) <= 80
        assert warning.created_at == app.clock.now()
        assert warning.reason == app.services.translate("reason-banned_keyword")
        assert warning.display == "陌生人"
        assert warning.issued_by is None
    finally:
        await app.stop()


async def test_a_message_the_database_cannot_store_is_still_warned(tmp_path: Path) -> None:
    """A platform may hand over half an emoji (a lone surrogate); the warning is kept."""
    url = f"sqlite://{tmp_path / 'db.sqlite3'}"
    app, _ = await start_app(tmp_path, url, MemoryCounters())
    try:
        await app.engine.handle(message("赌博\ud83d 来吗", "m1"))
        [warning] = await Warning.all()
        assert warning.evidence == "[赌博] 赌博\ufffd 来吗"
    finally:
        await app.stop()


async def test_judged_once_also_without_flood_rule(tmp_path: Path, counters: Counters) -> None:
    url = f"sqlite://{tmp_path / 'db.sqlite3'}"
    app, _ = await start_app(tmp_path, url, counters, "{content.rules.flood: ignore}")
    try:
        event = message("加我微信", key="m1")
        await app.engine.handle(event)
        await app.engine.handle(event)
        assert await Warning.all().count() == 1
    finally:
        await app.stop()


async def test_a_clean_message_needs_no_database(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'db.sqlite3'}"
    app, _ = await start_app(tmp_path, url, MemoryCounters())
    moderation = ModerationService(app.services)
    group = app.services.groups.get("全员群")
    assert group is not None
    await app.db.close()  # from here on, any query raises
    await moderation.on_message(group, message("今天下午三点开会，请准时参加", "m1"))
    await moderation.on_message(group, message("收到", "m2", sender="行政人事部-李四"))
    # The same handler does reach the database for an offending message, so the test can fail.
    with pytest.raises(RuntimeError, match="TortoiseContext"):
        await moderation.on_message(group, message("加我微信", "m3"))
    await app.services.counters.close()


async def test_mute_and_delete_where_the_platform_can(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'db.sqlite3'}"
    policy = (
        "{content.rules: {ad: mute, banned_keyword: warn, length: remind}, content.max_length: 5}"
    )
    app, _ = await start_app(tmp_path, url, MemoryCounters(), policy, CapableSim)
    try:
        await app.engine.handle(message("加我微信", "m1"))
        await app.engine.handle(message("赌博", "m2"))
        await app.engine.handle(message("这条消息超过了五个字", "m3"))
        got = [(a["action"], a.get("kind"), a.get("seconds")) for a in await actions()]
        assert got == [
            ("delete", None, None),
            ("mute", None, 600),
            ("send", "mute_notice", None),
            ("delete", None, None),
            ("send", "warning", None),
            ("send", "rule_reminder", None),  # a reminder does not delete the message
        ]
    finally:
        await app.stop()


async def test_no_deletion_when_the_policy_keeps_offending_messages(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'db.sqlite3'}"
    app, _ = await start_app(
        tmp_path, url, MemoryCounters(), "{content.delete_offending: false}", CapableSim
    )
    try:
        await app.engine.handle(message("加我微信", "m1"))
        assert [a["action"] for a in await actions()] == ["send"]
    finally:
        await app.stop()


async def test_a_mute_that_does_not_take_effect_becomes_a_warning(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'db.sqlite3'}"
    CapableSim.refuse_mute = True
    try:
        app, _ = await start_app(
            tmp_path, url, MemoryCounters(), "{content.rules.ad: mute}", CapableSim
        )
        await app.engine.handle(message("加我微信", "m1"))
        assert [a.get("kind") for a in await actions()] == [None, "warning"]  # delete, warning
        assert await Warning.filter(rule="ad").count() == 1
        await app.stop()
    finally:
        CapableSim.refuse_mute = False


async def test_dry_run_warnings_do_not_count_once_enforcement_is_on(
    tmp_path: Path, database_url: str
) -> None:
    app, _ = await start_app(tmp_path, database_url, MemoryCounters(), "{enforcement: dry_run}")
    try:
        services = app.services
        group = services.groups.get("全员群")
        assert group is not None
        stranger = MemberView("陌生人")
        await app.engine.handle(message("加我微信", "m1"))
        assert len(await services.warnings.live(group, stranger, None)) == 1
        # The admin turns enforcement on: the dry run's warning no longer counts...
        enforcing = build_policy({}, {"content.banned_keywords": ["赌博"]})
        group.policy = enforcing
        assert await services.warnings.live(group, stranger, None) == []
        assert isinstance(app.clock, VirtualClock)
        app.clock.set(app.clock.now() + timedelta(minutes=1))
        await app.engine.handle(message("加我微信", "m2"))
        assert len(await services.warnings.live(group, stranger, None)) == 1  # 1/2, not 2/2
        assert not [a for a in await actions() if a["action"] == "remove"]
        # ...while a dry run still sees the real warnings it would add to.
        group.policy = enforcing.model_copy(update={"enforcement": "dry_run"})
        assert len(await services.warnings.live(group, stranger, None)) == 2
    finally:
        await app.stop()
