"""Commands, one module per family. Importing this package registers them all."""

from bot.commands import (  # noqa: F401
    audit,
    help,
    members,
    moderation,
    naming,
    notice,
    points,
    roster,
)
from bot.commands.registry import registry

__all__ = ["registry"]
