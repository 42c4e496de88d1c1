"""ASGI pieces around the console: the request body bounded (uploads included), the
database's tortoise context bound to each request, and headers that keep the pages out of
frames and caches."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.storage.db import Database


class BodyLimit:
    """Refuse (413) a request whose body is larger than `limit` bytes: by its Content-Length
    before reading, or when the streamed body passes the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            await PlainTextResponse("Request body too large", 413)(scope, receive, send)
            return
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge
            return message

        try:
            await self.app(scope, bounded, send)
        except TooLarge:
            await PlainTextResponse("Request body too large", 413)(scope, receive, send)


class TooLarge(Exception):
    pass


class BoundDatabase:
    """Every request runs with the console's database as its tortoise context."""

    def __init__(self, app: ASGIApp, database: Database) -> None:
        self.app = app
        self.database = database

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with self.database.bound():
            await self.app(scope, receive, send)


# Kept out of frames and caches; scripts, styles and images only from the console itself.
HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'"
    ),
}
NO_STORE = {"Cache-Control": "no-store"}


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    extra = {} if request.url.path.startswith("/static") else NO_STORE
    for name, value in {**HEADERS, **extra}.items():
        response.headers.setdefault(name, value)
    return response
