"""The driver port: the few library calls the adapter needs, one implementation per library.

Every method except `listen`'s callback runs on the single UI worker thread. The callback runs
on the library's listener thread and must only hand the message on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.core.capabilities import Capability


class DriverError(Exception):
    """A library call failed (a UI lookup, a click): usually transient, worth a retry."""


class Refused(DriverError):
    """The library refused on purpose (a lock, a limit, a permission): trying again at once
    cannot help, so it is not retried; the message says what the operator can do."""


class WindowGone(DriverError):
    """The WeChat window is gone, locked away or logged out: reconnect before anything else."""


@dataclass(frozen=True, slots=True)
class InMsg:
    """One line of a chat as the library shows it, in library-free form."""

    chat: str
    attr: str  # friend, self, system, time, tickle, other
    type: str  # text, quote, voice, image, video, file, link, emotion, ... ('base': system)
    sender: str  # the WeChat name (or the operator's remark); 'system' for system lines
    display: str  # the name shown above the bubble in this group (wxautox: sender_remark)
    content: str
    ui_id: str = ""  # the UI runtime id: changes when the window redraws, never a key
    time: str | None = None  # time markers: the moment they show
    handle: Any = field(default=None, compare=False, repr=False)  # the library's message


@dataclass(frozen=True, slots=True)
class CallResult:
    """A library answer (`WxResponse`) in plain form; `ok` is the library's own claim."""

    ok: bool
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, response: object) -> CallResult:
        """From a WxResponse (a dict whose truth is success) or a bare bool/None."""
        if isinstance(response, dict):
            data = response.get("data")
            return cls(bool(response), str(response.get("message") or ""), _as_dict(data))
        return cls(bool(response))


def _as_dict(data: object) -> dict[str, Any]:
    return dict(data) if isinstance(data, dict) else {} if data is None else {"value": data}


OnMessage = Callable[[InMsg], None]


class WeChatDriver(Protocol):
    """What the adapter asks of a library. Group and chat names are as WeChat shows them."""

    library: str  # wxautox, wxauto4, wxautox4
    client: str  # the WeChat client line it drives, e.g. "WeChat 3.9"
    capabilities: frozenset[Capability]  # what the library can do at all
    max_chats: int  # how many chats one process can listen to

    def connect(self) -> None:
        """Find the logged-in WeChat window (a new library instance); raise WindowGone if none."""

    def online(self) -> bool:
        """Whether the window is there and logged in."""

    def listen(self, chat: str, on_message: OnMessage) -> None:
        """Open `chat` in its own window and call `on_message` for each new line."""

    def send(self, chat: str, text: str, at: Sequence[str] = ()) -> CallResult:
        """Post `text` in a listened chat, @-mentioning `at` (one message)."""

    def send_to(self, who: str, text: str) -> CallResult:
        """Post `text` to a chat that is not listened to (a contact's private chat)."""

    def send_file(self, chat: str, path: str) -> CallResult:
        """Post a file in a chat."""

    def recent_own(self, chat: str) -> list[str]:
        """The texts of the bot's own latest messages in a listened chat, oldest first."""

    def member_count(self, chat: str) -> int | None:
        """The group's member count (cheap), None if the library cannot tell."""

    def members(self, chat: str) -> list[str]:
        """Every member's label as the group shows it (duplicates kept)."""

    def remove(self, chat: str, names: Sequence[str]) -> CallResult:
        """Remove members by label, in one go (success may hide names not found)."""

    def set_notice(self, chat: str, text: str) -> CallResult:
        """Set the group announcement; `ok` only if the notice step itself succeeded."""

    def invite(self, chat: str, names: Sequence[str]) -> CallResult:
        """Add the operator's contacts (by remark) to the group."""

    def verify(self, message: InMsg) -> str | None:
        """The sender's WeChat ID, read from their profile (slow), or None."""


class Unavailable(DriverError):
    """WeChat is disconnected right now; the adapter is reconnecting."""
