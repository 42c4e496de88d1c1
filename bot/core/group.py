"""A governed group as the running bot knows it: its config, effective policy, time zone,
storage id and trusted admins (`GroupRuntime`), built from the org config (`group_runtimes`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.core.org import GroupIn, OrgConfig
from bot.core.policy import Policy, build_policy


@dataclass
class GroupRuntime:
    """A group as the running bot knows it: config, effective policy, storage id."""

    config: GroupIn
    policy: Policy
    tz: ZoneInfo
    db_id: int = 0
    org_admins: frozenset[str] = field(default_factory=frozenset)
    # Trusted identities the platform itself reports as the group's administrators (Telegram's
    # administrator list, by user id); kept current by the adapter. Empty on WeChat.
    platform_admins: frozenset[str] = field(default_factory=frozenset)

    @property
    def code(self) -> str:
        return self.config.code

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def admins(self) -> frozenset[str]:
        """Trusted identities who may command here: the group's admins, the org's, and the
        administrators the platform reports (by identity, never by name)."""
        return frozenset(self.config.admins) | self.org_admins | self.platform_admins


def group_runtimes(config: OrgConfig) -> list[GroupRuntime]:
    """Build each group's effective policy (validated, errors name the key at fault)."""
    build_policy(config.org.defaults, None)  # the defaults must be valid even with no group
    out = []
    for index, group in enumerate(config.groups):
        policy = build_policy(
            config.org.defaults, group.policy, overrides_at=f"groups[{index}].policy"
        )
        out.append(
            GroupRuntime(
                config=group,
                policy=policy,
                tz=ZoneInfo(group.timezone or config.timezone),
                org_admins=frozenset(config.org.admins),
            )
        )
    return out
