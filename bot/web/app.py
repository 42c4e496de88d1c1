"""The console as an ASGI app (Starlette): signed session cookies (itsdangerous), CSRF
(starlette-wtf), a bound on request bodies, the database opened for the app's lifetime and
bound to every request, and the pages of bot.web.views."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette_wtf import CSRFProtectMiddleware

from bot.storage.db import Database
from bot.web.guards import BodyLimit, BoundDatabase, security_headers
from bot.web.routing import HERE, Console, action, render
from bot.web.views import group, overview, roster, session, trail, warnings

SESSION_HOURS = 8


def routes() -> list[Route | Mount]:
    """Every route: the login form, the static files, and pages and actions only."""
    return [
        Route("/login", session.login_form, methods=["GET"], name="login"),
        action("/login", session.login, "login_post", login=False),
        *session.ROUTES,
        *overview.ROUTES,
        *group.ROUTES,
        *roster.ROUTES,
        *warnings.ROUTES,
        *trail.ROUTES,
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


async def _error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    key = {403: "web-error-csrf", 404: "web-error-not-found", 413: "web-error-too-large"}
    return render(
        request,
        "error.html",
        status_code=exc.status_code,
        message_key=key.get(exc.status_code, "web-error-other"),
    )


def create_app(
    console: Console,
    database: Database,
    *,
    secret: str | None = None,
    secure_cookies: bool = True,
) -> Starlette:
    """The console app. `secret` signs sessions and CSRF tokens (random per start if unset:
    everyone logs in again after a restart); `secure_cookies`: sent over HTTPS only."""
    key = secret or secrets.token_urlsafe(32)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await database.open()
        try:
            yield
        finally:
            await database.close()
            if console.anchors is not None:
                await console.anchors.close()

    middleware = [
        Middleware(BodyLimit, limit=console.max_upload + 64 * 1024),
        Middleware(
            SessionMiddleware,
            secret_key=key,
            session_cookie="qunguan_console",
            max_age=SESSION_HOURS * 3600,
            same_site="strict",
            https_only=secure_cookies,
        ),
        Middleware(CSRFProtectMiddleware, csrf_secret=key),
        Middleware(BoundDatabase, database=database),
        Middleware(BaseHTTPMiddleware, dispatch=security_headers),
    ]
    app = Starlette(
        routes=routes(),
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={HTTPException: _error},
    )
    app.state.console = console
    return app
