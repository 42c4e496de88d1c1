"""What the engine makes of a message's provenance (issue 10, finding 10): a forwarded message
is never a command, whoever forwarded it; a message an administrator wrote in the group's own
name is protected from the content rules."""

from __future__ import annotations

from pathlib import Path

from bot.core.event_codec import event_from_json, event_to_json
from bot.core.events import MessageEvent
from bot.core.members import MemberView
from bot.storage.counters import MemoryCounters
from bot.storage.models import ActionRecord, Warning
from tests.test_moderation_service import start_app

ADMIN = MemberView("行政人事部-李四", "李四")


async def removals() -> list[dict]:
    records = await ActionRecord.filter(outcome="done").order_by("id")
    return [r.payload for r in records if r.payload.get("action") == "remove"]


async def test_a_forwarded_command_is_an_ordinary_message(
    tmp_path: Path, database_url: str
) -> None:
    app, _ = await start_app(tmp_path, database_url, MemoryCounters())
    try:
        kick = "/kick @陌生人 发广告"
        await app.engine.handle(MessageEvent("全员群", ADMIN, kick, key="f1", forwarded=True))
        assert await removals() == []
        await app.engine.handle(MessageEvent("全员群", ADMIN, kick, key="m1"))
        assert [r["member"] for r in await removals()] == ["陌生人"]
    finally:
        await app.stop()


async def test_the_groups_own_voice_is_never_warned(tmp_path: Path, database_url: str) -> None:
    app, _ = await start_app(tmp_path, database_url, MemoryCounters())
    try:
        voice = MemberView("全员群", None, "admin")
        event = MessageEvent("全员群", voice, "周末一起去赌博吗", key="v1", anonymous=True)
        await app.engine.handle(event)
        assert await Warning.all().count() == 0
    finally:
        await app.stop()


def test_provenance_survives_the_restart_journal() -> None:
    voice = MemberView("全员群", None, "admin")
    replied = MemberView("陌生人", "42", account="42", handle="42")
    for event in (
        MessageEvent("g", ADMIN, "/kick", key="1", forwarded=True, reply_to=replied),
        MessageEvent("g", voice, "通知", key="2", anonymous=True),
    ):
        assert event_from_json(event_to_json(event)) == event
