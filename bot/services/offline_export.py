"""`qunguan roster export`: the compliance workbook, written outside the running bot.

Groups and their naming rules come from the org config file (the one `qunguan run` uses);
the roster and warnings from the database; each group's members as the bot last observed
them (bot.services.offline_members). The workbook is the one `/roster export` sends.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.core.clock import SystemClock
from bot.core.group import group_runtimes
from bot.i18n import Translator
from bot.services.container import build_services
from bot.services.groups import GroupDirectory
from bot.services.offline_members import OfflineMembers, observed_groups
from bot.services.roster_file import load_org_config
from bot.storage.counters import MemoryCounters


async def export_observed(
    config_path: Path, target: Path, platform: str | None, t: Translator
) -> tuple[Path, list[str], dict[str, datetime | None]]:
    """Write the workbook to `target` (absolute); return it, the groups never observed, and
    when each group's members were last seen."""
    config, _ = load_org_config(config_path)
    found, missing, seen = await observed_groups(group_runtimes(config), platform)
    services = build_services(
        org=config.org,
        clock=SystemClock(),
        translator=t,
        platform=OfflineMembers({g.code: g.db_id for g in found}),
        groups=GroupDirectory("stored", found),
        counters=MemoryCounters(),
        files_dir=target.parent,
    )
    await services.workbooks.write(found, target)
    return target, missing, {g.name: seen[g.code] for g in found}
