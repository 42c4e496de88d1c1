"""The `notice` policy section (spec/replay.md, "Notices and acknowledgement") and the pure
rules around it: which durations a notice may run for, and which messages acknowledge one.

A message acknowledges when its normalised text (NFKC, case-folded, spacing and zero-width
characters removed) is one of the ack words, optionally followed by punctuation (or symbols
such as `~` and emoji, which people add to a quick "收到"; WeChat's sticker codes like `[强]`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from typing import Annotated

from pydantic import Field, field_validator

from bot.core.bounds import MAX_KEYWORD_LENGTH
from bot.core.sections import Duration, Section

DEFAULT_ACK_WORDS = ("收到", "已收到", "收到了", "好的", "明白", "执行")
# A notice is answered within minutes or days; a deadline beyond this is a typo (`/notice 400d`).
MIN_DEADLINE = timedelta(minutes=1)
MAX_DEADLINE = timedelta(days=30)
MAX_ACK_WORDS = 100
_STICKER = re.compile(r"\[[^\[\]]{1,6}\]$")
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
# Every character `str.isspace` holds for (tests/test_notices.py checks them all).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_DROP = str.maketrans("", "", SPACES + "".join(_INVISIBLE))


def check_deadline(value: timedelta) -> timedelta:
    """A notice deadline between one minute and 30 days, else ValueError saying so."""
    if not MIN_DEADLINE <= value <= MAX_DEADLINE:
        raise ValueError(f"expected a deadline between 1m and 30d, got {_span(value)}")
    return value


def _span(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def normalise_ack(text: str) -> str:
    """NFKC, case-folded, without spacing and zero-width characters."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_DROP)


def _trailing_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in ("P", "S")


def ack_word(text: str, words: tuple[str, ...]) -> str | None:
    """The ack word `text` is (optionally followed by punctuation), else None."""
    body = normalise_ack(text)
    while body:
        # WeChat writes its stickers as codes such as [强] or [OK]: punctuation too.
        stripped = _STICKER.sub("", body)
        if stripped == body and _trailing_punctuation(body[-1]):
            stripped = body[:-1]
        if stripped == body:
            break
        body = stripped
    return body if body and body in words else None


class NoticePolicy(Section):
    deadline: Duration = timedelta(minutes=30)
    ack_words: tuple[Annotated[str, Field(max_length=MAX_KEYWORD_LENGTH)], ...] = Field(
        default=DEFAULT_ACK_WORDS, min_length=1, max_length=MAX_ACK_WORDS
    )

    @field_validator("deadline")
    @classmethod
    def _deadline(cls, value: timedelta) -> timedelta:
        return check_deadline(value)

    @field_validator("ack_words")
    @classmethod
    def _words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for word in value:
            norm = normalise_ack(word)
            if not norm:
                raise ValueError("an ack word cannot be empty")
            out.append(norm)
        return tuple(dict.fromkeys(out))
