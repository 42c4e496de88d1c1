"""Imported first by the entry points: without the telegram extra, one clear error."""

from __future__ import annotations

from bot.core.errors import ConfigError

try:
    import aiogram  # noqa: F401
    import aiohttp  # noqa: F401
except ImportError:
    raise ConfigError(
        "--adapter telegram", "needs the telegram extra: pip install 'qunguan[telegram]'"
    ) from None
