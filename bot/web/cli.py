"""`qunguan web`: serve the HR console; `qunguan web user add|list|remove|reset`: its accounts
(passwords read from standard input, never from an argument)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli_support import guarded, settings_for
from bot.cli_text import h
from bot.core.clock import SystemClock
from bot.core.errors import ConfigError
from bot.ops.common import translator
from bot.settings import Settings
from bot.storage.db import redacted
from bot.web.accounts_cli import need_web_extra, user_app

web_app = typer.Typer(help=h("cli-help-web"), invoke_without_command=True, no_args_is_help=False)
web_app.add_typer(user_app, name="user")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@web_app.callback()
def web(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option("--config", help=h("cli-help-config")),
    ] = None,
    host: Annotated[str, typer.Option("--host", help=h("cli-help-web-host"))] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help=h("cli-help-web-port"), min=1, max=65535)
    ] = 8080,
    behind_proxy: Annotated[
        bool,
        typer.Option("--behind-proxy", help=h("cli-help-web-behind-proxy")),
    ] = False,
) -> None:
    """Serve the console on the bot's database (beside a running bot, or alone)."""
    if ctx.invoked_subcommand is not None:
        return

    def work() -> None:
        settings = settings_for("INFO")
        path = config or settings.config_file
        if path is None:
            raise ConfigError("--config", "give the org and groups file (or set CONFIG_FILE)")
        serve(settings, path, host, port, behind_proxy)

    guarded(work)


def serve(settings: Settings, config: Path, host: str, port: int, behind_proxy: bool) -> None:
    need_web_extra()
    import uvicorn

    from bot.services.roster_file import load_org_config
    from bot.services.trail_anchors import anchors_for
    from bot.storage.db import Database
    from bot.web.app import create_app
    from bot.web.routing import Console

    load_org_config(config)  # a bad config file: one clear line now, not a broken page later
    t = translator(settings)
    database = redacted(settings.database_url)
    console = Console(
        config.resolve(),
        SystemClock(),
        settings.data_dir,
        database,
        settings.locale,
        anchors=anchors_for(settings),
    )
    secret = settings.web_secret.get_secret_value() if settings.web_secret else None
    app = create_app(
        console, Database(settings.database_url), secret=secret, secure_cookies=behind_proxy
    )
    typer.echo(
        t(
            "web-cli-serving",
            url=f"http://{host}:{port}/",
            database=database,
            config=str(config.resolve()),
        )
    )
    if host not in LOOPBACK and not behind_proxy:
        typer.echo(t("web-cli-exposed", host=host), err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=behind_proxy,
        forwarded_allow_ips="127.0.0.1" if behind_proxy else None,
    )
