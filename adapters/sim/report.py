"""The replay report (spec/replay.md): what the bot did, and each group as it sees it now."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from bot.services import notice_sheet
from bot.services.container import Services


async def replay_report(
    services: Services, tz: ZoneInfo, skipped: list[dict[str, Any]]
) -> dict[str, Any]:
    """The report: the actions that took effect, in order, the groups, and skipped events."""
    logged = await services.action_log.took_effect()
    actions = [
        {"seq": seq, "at": action.at.astimezone(tz).isoformat(), **action.payload}
        for seq, action in enumerate(logged, start=1)
    ]
    report: dict[str, Any] = {"actions": actions, "groups": await groups_report(services)}
    if skipped:
        report["skipped"] = skipped
    return report


async def groups_report(services: Services) -> dict[str, Any]:
    """The report's `groups`: each group's members as the bot sees them now, and who is missing."""
    groups: dict[str, Any] = {}
    for group in services.groups:
        snap = await services.snapshots.take(group)
        counts = await services.warnings.counts(
            group, [(c.member, c.entry.id if c.entry else None) for c in snap.results]
        )
        groups[group.name] = {
            "members": [
                {
                    "display": c.member.display,
                    "employee": c.entry.brief() if c.entry else None,
                    "status": c.status,
                    "warnings": counts.get(c.member.key, 0),
                }
                for c in snap.results
            ],
            "missing": [entry.brief() for entry in snap.missing],
        }
        notices = await notice_sheet.summary(group)
        if notices:  # an added field (spec: "Notices and acknowledgement")
            groups[group.name]["notices"] = notices
    return groups
