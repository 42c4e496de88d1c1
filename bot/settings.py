"""Process settings, read once at start-up from the environment and `.env`.

Every setting is documented in `.env.example`. Secrets (tokens, passwords inside URLs) come only
from the environment; nothing here has a secret default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_path
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.errors import ConfigError

Locale = Literal["zh_CN", "en"]


def default_data_dir() -> Path:
    """The user's data folder for Qunguan (platformdirs), the same from any current folder."""
    return user_data_path("qunguan", appauthor=False)


class TelegramSettings(BaseModel):
    """The `TELEGRAM__*` settings: used only by `qunguan run --adapter telegram`."""

    model_config = ConfigDict(frozen=True)

    token: SecretStr | None = Field(default=None, description="the bot token from BotFather")
    api_server: str = Field(
        default="https://api.telegram.org",
        description="base URL of the Bot API (a self-hosted telegram-bot-api server)",
    )
    webhook_url: str | None = Field(
        default=None, description="public https URL Telegram posts updates to; unset: polling"
    )
    webhook_listen: str = Field(default="127.0.0.1", description="address the webhook binds")
    webhook_port: int = Field(default=8080, ge=1, le=65535, description="port it listens on")
    webhook_secret: SecretStr | None = Field(
        default=None, description="X-Telegram-Bot-Api-Secret-Token; unset: random per start"
    )
    chat_interval: float = Field(
        default=1.0, ge=0, le=60, description="seconds between two messages to one chat"
    )
    max_retries: int = Field(default=3, ge=0, le=100, description="retries of a call answered 429")
    admins_ttl: int = Field(
        default=600, ge=0, le=86_400, description="seconds a chat's administrator list is trusted"
    )

    @field_validator("api_server", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected an http(s):// URL")
        return value.rstrip("/")

    @field_validator("api_server", mode="after")
    @classmethod
    def _default_server(cls, value: str | None) -> str:
        return value or "https://api.telegram.org"


class Settings(BaseSettings):
    """Settings of one bot process. Build it once in the composition root and pass it down."""

    model_config = SettingsConfigDict(
        env_file=".env", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    database_url: str = Field(
        default="",
        description="tortoise-orm URL: sqlite://PATH or postgres://user:pw@host/db; "
        "default: DATA_DIR/qunguan.sqlite3",
    )
    redis_url: str | None = Field(
        default=None, description="redis://host:port/db; unset keeps counters in memory"
    )
    redis_prefix: str = Field(
        default="qunguan", min_length=1, max_length=100, description="prefix of every Redis key"
    )
    job_lease_seconds: float = Field(
        default=60.0,
        ge=1.0,
        le=3600.0,
        description="how long a scheduled job claimed by a dead instance waits before another "
        "instance takes it over (docs/operations.md, Several instances)",
    )
    locale: Locale = Field(default="zh_CN", description="language of what the bot says")
    log_level: str = Field(default="INFO", description="loguru level: DEBUG, INFO, WARNING…")
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="the default database, exports and files (default: the user's data folder)",
    )
    telegram: TelegramSettings = Field(default_factory=TelegramSettings)
    config_file: Path | None = Field(
        default=None, description="the org and groups file, for commands run outside the bot"
    )
    web_secret: SecretStr | None = Field(
        default=None,
        description="signs the web console's session cookies; unset: random per start",
    )

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        """The default database lives in DATA_DIR, never in whatever folder a command runs
        from (issue 13: a command run elsewhere silently opened a new empty database)."""
        if not self.database_url:
            path = (self.data_dir / "qunguan.sqlite3").absolute()
            object.__setattr__(self, "database_url", f"sqlite://{path}")
        return self

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("expected one of TRACE, DEBUG, INFO, SUCCESS, WARNING, ERROR")
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if value and not value.startswith(
            ("sqlite://", "postgres://", "postgresql://", "asyncpg://")
        ):
            raise ValueError("expected sqlite://PATH or postgres://user@host:port/db")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("expected redis://host:port/db")
        return value


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning a bad value into one `ConfigError` that names the setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "__".join(str(part) for part in first["loc"]).upper()
        raise ConfigError(f"setting {name}", first["msg"].removeprefix("Value error, ")) from None
