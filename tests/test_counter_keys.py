"""Counter keys come from one module, and every reminder shares one shape: the audit's naming
reminder and a content rule's reminder claim `remind:{group}:{rule}:{member}`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.core.members import MemberView
from bot.services import counter_keys
from bot.storage.counters import MemoryCounters
from tests.test_moderation_service import message, start_app

STRANGER = MemberView("陌生人")


def test_keys_tell_groups_rules_and_members_apart() -> None:
    keys = {
        counter_keys.reminder("g", "naming", STRANGER),
        counter_keys.reminder("g", "ad", STRANGER),
        counter_keys.reminder("h", "naming", STRANGER),
        counter_keys.reminder("g", "naming", MemberView("陌生人", identity="wxid_1")),
        counter_keys.flood_window("g", STRANGER),
        counter_keys.flood_fired("g", STRANGER),
        counter_keys.message_seen("g", "m1"),
    }
    assert len(keys) == 7
    assert counter_keys.reminder("g", "naming", STRANGER) == "remind:g:naming:name:陌生人"


async def test_audit_and_content_reminders_claim_the_shared_key(
    tmp_path: Path, database_url: str
) -> None:
    counters = MemoryCounters()
    policy = "{roster.unknown: remind, content.rules.banned_keyword: remind}"
    app, _ = await start_app(tmp_path, database_url, counters, policy)
    try:
        group = app.services.groups.get("全员群")
        assert group is not None
        now, hour = app.clock.now(), timedelta(hours=1)
        result = await app.services.member_audit.audit(group)
        assert result.reminded == ["陌生人"]
        await app.engine.handle(message("赌博", "m1"))
        for rule in ("naming", "banned_keyword"):  # both taken by the reminders just sent
            assert not await counters.claim(
                counter_keys.reminder("全员群", rule, STRANGER), hour, now
            )
        assert await counters.claim(counter_keys.reminder("全员群", "length", STRANGER), hour, now)
    finally:
        await app.stop()
