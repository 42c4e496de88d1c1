"""What the operations commands share: the database, the language, who is at the keyboard."""

from __future__ import annotations

import getpass
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import typer

from bot.core.clock import Clock
from bot.i18n import Translator
from bot.services.audit_trail import AuditTrail
from bot.services.trail_anchors import anchors_for
from bot.settings import Settings
from bot.storage.db import Database, redacted


@asynccontextmanager
async def opened(settings: Settings) -> AsyncIterator[Database]:
    """The configured database, migrated and open for the length of the block."""
    database = Database(settings.database_url)
    await database.open()
    try:
        yield database
    finally:
        await database.close()


@asynccontextmanager
async def audit_trail(settings: Settings, clock: Clock) -> AsyncIterator[AuditTrail]:
    """The audit trail, appending its head to the configured anchors as the bot does."""
    anchors = anchors_for(settings)
    try:
        yield AuditTrail(clock, anchors)
    finally:
        await anchors.close()


def translator(settings: Settings, lang: str | None = None) -> Translator:
    return Translator(lang or settings.locale)


def announce(settings: Settings, lang: str | None = None) -> None:
    """Say on stderr which database a command works on (the same from any folder)."""
    typer.echo(translator(settings, lang)("cli-database", database=shown(settings)), err=True)


def shown(settings: Settings) -> str:
    """The database URL as people should see it: no password."""
    return redacted(settings.database_url)


def operator() -> str:
    """Who ran a command, for the audit trail: the operating-system account."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry (containers)
        return "cli"
