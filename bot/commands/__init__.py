"""Commands, one module per family. Importing this package registers them all."""

from bot.commands import audit, help, members, moderation, naming, roster  # noqa: F401
from bot.commands.registry import registry

__all__ = ["registry"]
