"""Every key the bot keeps in the counters (bot.storage.counters), built in one place.

One function per kind of key, so two features that mean the same cooldown build the same key:
a reminder is `remind:{group}:{rule}:{member}` whoever sends it (a content rule's reminder,
the audit's naming reminder), which is the spec's one cooldown per member per rule.
"""

from __future__ import annotations

from bot.core.members import MemberView
from bot.core.vocabulary import Reason


def reminder(group: str, rule: Reason, member: MemberView) -> str:
    """Claimed for `remind.cooldown` when `member` is reminded of `rule` in `group`."""
    return f"remind:{group}:{rule}:{member.key}"


def flood_window(group: str, member: MemberView) -> str:
    """The member's messages in the group's flood window (a sliding count)."""
    return f"flood:{group}:{member.key}"


def flood_fired(group: str, member: MemberView) -> str:
    """Claimed for one flood window when the flood rule fires for the member."""
    return f"flood-fired:{group}:{member.key}"


def message_seen(group: str, message_key: str) -> str:
    """Claimed when a message is judged, so a message delivered again is judged once."""
    return f"seen:{group}:{message_key}"


def impostor_alert(group: str, member: MemberView, claimed: int | str) -> str:
    """Claimed when admins are told that `member` shows the name of another: an employee (by
    id) or an admin on no roster entry (by remark)."""
    return f"impostor:{group}:{claimed}:{member.key}"
