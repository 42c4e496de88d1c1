"""How every console route is built: `page` (a GET: logged-in users only) and `action` (a
POST: logged in, and the form's CSRF token checked by starlette-wtf before anything runs).
The app is assembled only from these two and the login routes, so no route can forget either;
tests/web/test_routes.py walks every route to hold it so."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates
from starlette_wtf import csrf_protect, csrf_token

from bot.core.clock import Clock
from bot.i18n import SUPPORTED, Translator
from bot.services.audit_trail import AuditTrail
from bot.storage.anchors import Anchors
from bot.web.readmodel import ReadModel
from bot.web.throttle import LoginThrottle

Endpoint = Callable[[Request], Awaitable[Response]]
HERE = Path(__file__).parent
USER = "user"  # the session key of the logged-in console user
LANG = "lang"


@dataclass
class Console:
    """What every request shares: the config file, the clock, the data folder, throttling,
    the audit trail's anchors (bot.services.trail_anchors: where the bot keeps them)."""

    config_path: Path
    clock: Clock
    data_dir: Path
    database: str  # the database in use, as shown in the page footer (no password)
    default_lang: str = "zh_CN"
    max_upload: int = 20 * 1024 * 1024
    throttle: LoginThrottle | None = None
    anchors: Anchors | None = None

    def __post_init__(self) -> None:
        self.throttle = self.throttle or LoginThrottle(self.clock)
        self.trail = AuditTrail(self.clock, self.anchors)


def console(request: Request) -> Console:
    found: Console = request.app.state.console
    return found


def translator(request: Request) -> Translator:
    lang = request.session.get(LANG)
    return Translator(lang if lang in SUPPORTED else console(request).default_lang)


def user(request: Request) -> str | None:
    name = request.session.get(USER)
    return name if isinstance(name, str) else None


def actor(request: Request) -> str:
    """Who did it, for the audit trail."""
    return f"web:{user(request)}"


def read_model(request: Request) -> ReadModel:
    c = console(request)
    return ReadModel(c.config_path, c.clock, translator(request))


_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    c = console(request)
    base = {
        "t": translator(request),
        "user": user(request),
        "csrf": csrf_token(request),
        "database": c.database,
        "path": request.url.path,
    }
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def to_login(request: Request) -> Response:
    return RedirectResponse(request.url_for("login"), status_code=303)


def _logged_in(endpoint: Endpoint) -> Endpoint:
    async def guarded(request: Request) -> Response:
        if user(request) is None:
            return to_login(request)
        return await endpoint(request)

    guarded.__name__ = endpoint.__name__
    return guarded


def page(path: str, endpoint: Endpoint, name: str) -> Route:
    """A page: GET, logged-in users only."""
    return Route(path, _logged_in(endpoint), methods=["GET"], name=name)


def action(path: str, endpoint: Endpoint, name: str, *, login: bool = True) -> Route:
    """A form's target: POST, CSRF token checked first, then (unless `login` is False: the
    login form itself) a logged-in user."""
    checked = csrf_protect(_logged_in(endpoint) if login else endpoint)

    async def closing(request: Request) -> Response:
        try:
            response: Response = await checked(request)
            return response
        finally:
            await request.close()  # the uploaded files' temporary copies

    closing.__name__ = endpoint.__name__
    return Route(path, closing, methods=["POST"], name=name)
