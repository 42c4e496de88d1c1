"""Telegram text: entity offsets count UTF-16 code units, Python strings count code points.

Outgoing mentions are `text_mention` entities (they notify members with or without a
username); messages longer than Telegram's limit are split at line ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_MESSAGE = 4096  # UTF-16 units in one message
MAX_CAPTION = 1024


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, as Telegram counts it."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def index_of(text: str, units: int) -> int:
    """The code point index of the UTF-16 offset `units` in `text`."""
    seen = 0
    for index, ch in enumerate(text):
        if seen >= units:
            return index
        seen += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


@dataclass(frozen=True, slots=True)
class Mark:
    """A text_mention entity: UTF-16 `offset` and `length`, the user it notifies."""

    offset: int
    length: int
    user_id: int


def with_mentions(text: str, mentions: Sequence[tuple[str, int]]) -> tuple[str, list[Mark]]:
    """Mark each (display name, user id) where the name first appears in `text`; a name that
    does not appear (or appears fewer times than users share it) is written before the text."""
    marks: list[tuple[int, int, int]] = []  # code point start, end, user id
    prefix: list[tuple[str, int]] = []
    for name, user_id in mentions:
        start = _free_occurrence(text, name, marks)
        if start is None:
            prefix.append((name, user_id))
        else:
            marks.append((start, start + len(name), user_id))
    head = ""
    out: list[Mark] = []
    for name, user_id in prefix:
        out.append(Mark(utf16_len(head) + 1, utf16_len(name), user_id))
        head += f"@{name} "
    if head:
        head = head.rstrip() + "\n"
    shift = utf16_len(head)
    for start, end, user_id in sorted(marks):
        out.append(Mark(shift + utf16_len(text[:start]), utf16_len(text[start:end]), user_id))
    return head + text, out


def _free_occurrence(text: str, name: str, taken: list[tuple[int, int, int]]) -> int | None:
    if not name:
        return None
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if all(end <= s or start >= e for s, e, _ in taken):
            return start
        start = text.find(name, start + 1)
    return None


def split(
    text: str, marks: Sequence[Mark], limit: int = MAX_MESSAGE
) -> list[tuple[str, list[Mark]]]:
    """Cut `text` into messages of at most `limit` UTF-16 units, at line ends where possible;
    each keeps the marks that fall wholly inside it. Telegram trims the spacing around a
    message, so each piece is trimmed here and its marks are counted from what remains."""
    chunks: list[tuple[str, list[Mark]]] = []
    consumed = 0  # code points of `text` already cut
    while consumed < len(text):
        piece = _head(text[consumed:], limit)
        body = piece.strip()
        if body:
            base = utf16_len(text[: consumed + len(piece) - len(piece.lstrip())])
            size = utf16_len(body)
            inside = [
                Mark(m.offset - base, m.length, m.user_id)
                for m in marks
                if m.offset >= base and m.offset + m.length <= base + size
            ]
            chunks.append((body, inside))
        consumed += len(piece)
    return chunks


def _head(text: str, limit: int) -> str:
    if utf16_len(text) <= limit:
        return text
    cut = index_of(text, limit)
    if utf16_len(text[:cut]) > limit and cut > 1:  # the limit falls inside a surrogate pair
        cut -= 1
    newline = text.rfind("\n", 0, cut)
    return text[: newline + 1] if newline > 0 else text[:cut]
