"""The preflight on its own, for `qunguan telegram check`: nothing is stored or sent."""

from __future__ import annotations

import adapters.telegram.requires  # noqa: F401 (first: a clear error without the extra)

# isort: split

from pathlib import Path

from adapters.telegram.config import telegram_options
from adapters.telegram.connect import make_bot, whoami
from adapters.telegram.preflight import preflight, reachable, report
from bot.core.group import group_runtimes
from bot.i18n import Translator
from bot.services.roster_file import load_org_config
from bot.settings import Settings


async def check_config(settings: Settings, path: Path) -> list[str]:
    """The preflight report for the config file at `path`, in the settings' language."""
    config, _ = load_org_config(path)
    telegram_options(config)
    bot = make_bot(settings.telegram)
    try:
        me = await whoami(bot, settings.telegram)
        groups = group_runtimes(config)
        rights = await preflight(bot, me, [g.code for g in groups])
        unreachable = [a for a in config.org.admins if not await reachable(bot, a)]
    finally:
        await bot.session.close()
    head = f"@{me.username} ({me.id})"
    return [head, *report(groups, rights, Translator(settings.locale), unreachable)]
