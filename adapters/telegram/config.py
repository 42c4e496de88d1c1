"""What a config file must say for Telegram: chat ids for groups, user ids for admins, and
the optional `telegram:` section. Checked before anything connects, one clear error at most.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.core.errors import ConfigError
from bot.core.org import OrgConfig
from bot.core.validation import config_error


class TelegramSection(BaseModel):
    """The config file's `telegram:` section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # The chat's own administrators may command the bot (they are always protected from it).
    chat_admins_command: bool = True


def _numeric(value: str | None) -> bool:
    return bool(value) and value.lstrip("-").isdigit()  # type: ignore[union-attr]


def telegram_options(config: OrgConfig) -> TelegramSection:
    """Validate the Telegram parts of `config`; raise `ConfigError` naming the key at fault."""
    for i, group in enumerate(config.groups):
        if not _numeric(group.id):
            raise ConfigError(
                f"groups[{i}].id",
                "expected the Telegram chat id, a number such as -1001234567890 "
                "(docs/telegram.md says how to find it)",
            )
        _user_ids(group.admins, f"groups[{i}].admins")
    _user_ids(config.org.admins, "org.admins")
    try:
        return TelegramSection.model_validate(getattr(config, "telegram", None) or {})
    except ValidationError as exc:
        raise config_error(exc, "telegram") from None


def _user_ids(values: list[str], where: str) -> None:
    for j, value in enumerate(values):
        if not _numeric(value):
            raise ConfigError(
                f"{where}[{j}]", f"expected a Telegram user id (a number), not a name: {value!r}"
            )
