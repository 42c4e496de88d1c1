"""The start-up report: what the chosen library can do here, in plain lines for the operator."""

from __future__ import annotations

from collections.abc import Callable

from adapters.wechat.chats import Chats
from adapters.wechat.driver import WeChatDriver
from bot.core.capabilities import Capability


def startup_report(
    lib: WeChatDriver, chats: Chats, capabilities: Callable[[str], frozenset[Capability]]
) -> list[str]:
    """What this library can do here, per group; logged when the bot connects."""
    every = set(Capability)
    lines = [
        f"WeChat adapter: {lib.library} for {lib.client}; listening to {len(chats.all())} "
        f"chat(s) (at most {lib.max_chats})",
        "  can: " + ", ".join(sorted(lib.capabilities)),
        "  cannot: " + (", ".join(sorted(every - lib.capabilities)) or "-"),
    ]
    for code, group in chats.groups.items():
        caps = ", ".join(sorted(capabilities(code)))
        lines.append(f"  group {group.name!r} (bot is {group.bot_role}): {caps}")
    if Capability.REMOVE not in lib.capabilities:
        lines.append("  removals: admins are asked to remove by hand; audits re-check")
    if Capability.LIST_MEMBERS not in lib.capabilities:
        lines.append("  members: only those seen joining or speaking are known")
    if Capability.VERIFY_IDENTITY in lib.capabilities:
        lines.append("  authority: each privileged command's sender is checked by WeChat ID")
        lines.append("  members: told apart by the WeChat ID on each name's profile card")
    elif chats.console:
        lines.append(
            f"  authority: privileged commands only in the console {chats.console.chat!r}"
        )
    else:
        lines.append("  authority: no console configured, so no privileged commands")
    return lines
