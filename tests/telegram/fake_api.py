"""A local fake of the Telegram Bot API, served over HTTP by aiohttp, for the real aiogram
client. It keeps a small world (users, chats, members and their rights), answers the methods
the adapter uses the way Telegram does (including its refusals), serves `getUpdates` from a
queue with long polling, and records every call with its parameters.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.telegram.fake_methods import ApiError, WorldMethods
from tests.telegram.world import World

TOKEN = "123456:TEST-fake-token"
BOT_ID = 123456


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200

    def int(self, name: str) -> int:
        return int(self.params[name])


def _decode(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        return json.loads(value)
    return value


class FakeBotAPI(WorldMethods):
    def __init__(self, bot_name: str = "群管家", bot_username: str = "qunguan_bot") -> None:
        self.world = World(BOT_ID, bot_username, bot_name)
        self.calls: list[Call] = []
        self.failures: dict[str, list[ApiError]] = {}
        self.reads_all = False  # the bot's privacy mode is on unless a test turns it off
        self.emit_member_updates = True  # Telegram reports bans to admin bots
        self._queue: list[dict[str, Any]] = []
        self.pushed: list[dict[str, Any]] = []
        self._next_update = 1
        self.confirmed = 0  # highest update id the bot confirmed (asked past) in getUpdates
        self._allowed: list[str] | None = None
        self._changed = asyncio.Condition()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.url = ""

    # -- server --------------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        self._closing = True  # a long poll still waiting answers now, not at its timeout
        await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.match_info["token"] != TOKEN:
            return self._error(Call(method, {}), ApiError(401, "Unauthorized"))
        form = await request.post()
        uploads = {
            k: {"filename": v.filename, "data": v.file.read()}
            for k, v in form.items()
            if isinstance(v, web.FileField)
        }
        params = {}
        for key, value in form.items():
            if isinstance(value, str) and value.startswith("attach://"):
                params[key] = uploads[value.removeprefix("attach://")]  # an uploaded file
            elif not isinstance(value, web.FileField):
                params[key] = _decode(value)
        call = Call(method, params)
        self.calls.append(call)
        pending = self.failures.get(method)
        if pending:
            return self._error(call, pending.pop(0))
        handler = getattr(self, f"m_{method}", None)
        if handler is None:
            return self._error(call, ApiError(404, "Not Found: method not found"))
        try:
            result = await handler(call.params)
        except ApiError as err:
            return self._error(call, err)
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error(call: Call, err: ApiError) -> web.Response:
        call.status = err.status
        body: dict[str, Any] = {"ok": False, "error_code": err.status}
        body["description"] = err.description
        if err.retry_after is not None:
            body["parameters"] = {"retry_after": err.retry_after}
        return web.json_response(body, status=err.status)

    # -- what tests use ------------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> int:
        """Queue an update (without update_id); return the id it gets."""
        update_id = self._next_update
        self._next_update += 1
        self._queue.append({"update_id": update_id, **update})
        self.pushed.append(self._queue[-1])
        asyncio.get_running_loop().create_task(self._notify())
        return update_id

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def settle(self, limit: float = 15.0) -> None:
        """Wait until the bot has handled every update pushed so far, including those the
        fake itself pushes meanwhile (Telegram's reports of the bot's own bans): it has asked
        past them. Updates of a kind the bot did not ask for are never sent, as on Telegram."""

        def handled() -> bool:
            wanted = (u["update_id"] for u in self.pushed if self._wanted(u))
            return self.confirmed >= max(wanted, default=0)

        async def done() -> None:
            async with self._changed:
                await self._changed.wait_for(handled)

        await asyncio.wait_for(done(), limit)

    def fail(self, method: str, status: int, description: str, retry_after: int | None = None):
        """The next call of `method` gets this error instead of its answer."""
        self.failures.setdefault(method, []).append(ApiError(status, description, retry_after))

    def called(self, *methods: str) -> list[Call]:
        return [c for c in self.calls if c.method in methods]

    MODERATION = (
        "banChatMember",
        "banChatSenderChat",
        "unbanChatMember",
        "restrictChatMember",
        "deleteMessage",
        "setChatMemberTag",
        "pinChatMessage",
    )

    def moderation(self) -> list[Call]:
        return self.called(*self.MODERATION)

    def sent(self, chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.called("sendMessage", "sendDocument")
            if c.status == 200 and (chat_id is None or c.int("chat_id") == chat_id)
        ]

    # -- getUpdates ----------------------------------------------------------------------------

    async def m_getUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(p.get("offset") or 0)
        if p.get("allowed_updates") is not None:
            self._allowed = list(p["allowed_updates"])  # Telegram remembers the last list
        wait = min(float(p.get("timeout") or 0), 1.0)
        async with self._changed:
            self.confirmed = max(self.confirmed, offset - 1)
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
            self._changed.notify_all()
            if not self._ready():
                try:
                    await asyncio.wait_for(self._changed.wait_for(self._ready), wait)
                except TimeoutError:
                    return []
        return [u for u in self._queue if self._wanted(u)][:100]

    def _ready(self) -> bool:
        return self._closing or any(self._wanted(u) for u in self._queue)

    def _wanted(self, update: dict[str, Any]) -> bool:
        allowed = self._allowed or ["message", "my_chat_member"]  # Telegram's default: not
        return any(kind in update for kind in allowed)  # chat_member unless asked for
