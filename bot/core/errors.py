"""Error types. User-facing errors carry a message key, never prose."""

from __future__ import annotations

from typing import Any

from bot.core.vocabulary import SendKind


class BotError(Exception):
    """Base of every error the bot raises on purpose."""


class UserFacingError(BotError):
    """An expected refusal: rendered from the locale catalogue and replied to the user.

    `kind` is the reply's message kind (command_error, command_denied, …).
    """

    def __init__(self, key: str, *, kind: SendKind = "command_error", **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.kind = kind
        self.args_ = args


class ConfigError(BotError):
    """Bad input that stops a run before anything happens: a setting, a policy, a scenario.

    `where` names the key or event at fault (e.g. ``groups[0].policy.warnings.limit``), so the
    one-line message tells the operator exactly what to fix.
    """

    def __init__(self, where: str, message: str) -> None:
        where, message = _one_line(where, 200), _one_line(message, 500)
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def _one_line(text: str, limit: int) -> str:
    """One line of at most `limit` characters (a hostile value quoted in a message is cut)."""
    text = " ".join(text.splitlines())
    return text if len(text) <= limit else text[: limit - 1] + "…"
