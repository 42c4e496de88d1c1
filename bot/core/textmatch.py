"""Keyword matching that works for Chinese and resists the usual evasions.

Text and keywords are normalised the same way before matching (`bot.core.textnorm`: NFKC,
case-folded, letters and digits only, so the padding used to evade a filter disappears).
Keywords then match as substrings (Chinese has no word boundaries), all at once, with an
Aho-Corasick automaton.

One exception keeps English-style words from matching inside longer words: where a keyword
starts or ends with an ASCII letter and the text has another ASCII letter right there, with no
separator between them in the original text, it does not match (``加v`` is found in ``加V 123``
and ``加v信``, not in ``参加volunteer``). Digits never block.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import ahocorasick

from bot.core.textnorm import normalise, separators


def _ascii_letter(char: str) -> bool:
    return "a" <= char <= "z"


Label = TypeVar("Label", bound=str)


@dataclass(frozen=True, slots=True)
class Hit(Generic[Label]):
    """A keyword found in a text: its label (e.g. the rule), the keyword as configured, and
    where it sits in the normalised text."""

    label: Label
    keyword: str
    start: int
    end: int


@dataclass(slots=True)
class _Entry:
    key: str
    word: str
    labels: set[str] = field(default_factory=set)


_UTF8, _BYTES = "utf-8", "latin-1"


def _spell(text: str) -> str:
    """Each character as its UTF-8 bytes, one letter per byte (see `KeywordMatcher`)."""
    return text.encode(_UTF8, "surrogatepass").decode(_BYTES)


def _unspell(spelled: str) -> str:
    return spelled.encode(_BYTES).decode(_UTF8, "surrogatepass")


# pyahocorasick keeps a node's children in a list it scans; past this many distinct first
# letters, keys are spelled byte by byte (see `KeywordMatcher`).
_WIDE_ROOT = 64


class KeywordMatcher:
    """An Aho-Corasick automaton over normalised keywords, each carrying one or more labels.

    Build it once per keyword list. pyahocorasick looks up a node's child by scanning its list
    of children, and a Chinese keyword list gives the root thousands of them (one per first
    character), which every character of text would pay for. So a wide list is spelled in
    bytes instead: each character as its UTF-8 bytes, which leaves the root a handful of
    children (the lead bytes) and every node at most 64 more, and keeps the cost per message
    nearly flat from 1 000 to 20 000 keywords. UTF-8 is self-synchronising: a match always
    starts on a character boundary.
    """

    def __init__(
        self, keywords: Iterable[tuple[str, str]], *, bytewise: bool | None = None
    ) -> None:
        """`keywords`: (label, word) pairs. `bytewise`: spell keys in bytes (default: past
        64 distinct first characters)."""
        entries: dict[str, _Entry] = {}
        for label, word in keywords:
            key = normalise(word)
            if not key:
                raise ValueError(f"keyword {word!r} has no letters or digits")
            entries.setdefault(key, _Entry(key, word)).labels.add(label)
        if bytewise is None:
            bytewise = len({key[0] for key in entries}) > _WIDE_ROOT
        self.bytewise = bytewise
        self._automaton = ahocorasick.Automaton()
        for key, entry in entries.items():
            spelled = _spell(key) if self.bytewise else key
            value = (len(spelled), entry.word, frozenset(entry.labels))
            self._automaton.add_word(spelled, value)
        if entries:
            self._automaton.make_automaton()
        self.size = len(entries)

    def find(
        self, text: str, order: Sequence[Label], *, raw: str | None = None
    ) -> Hit[Label] | None:
        """The hit whose label comes first in `order`, in normalised `text` (earliest such).

        `raw` is the text before normalisation: needed to tell whether an ASCII letter next to
        a keyword was separated from it (see the module notes); without it, it never was.
        """
        if not self.size:
            return None
        spelled = _spell(text) if self.bytewise else text
        best: Hit[Label] | None = None
        best_rank = len(order)
        gaps: list[frozenset[int] | None] = []  # separators(raw), worked out on first need
        for end, (length, word, labels) in self._automaton.iter(spelled):
            rank = min((order.index(lb) for lb in labels if lb in order), default=len(order))
            if rank >= best_rank:
                continue
            start, stop = self._span(spelled, end + 1 - length, end + 1)
            if self._joined(text, start, stop):
                if not gaps:
                    gaps.append(separators(raw) if raw is not None else None)
                if not gaps[0] or not self._separated(text, start, stop, gaps[0]):
                    continue
            best, best_rank = Hit(order[rank], word, start, stop), rank
            if rank == 0:
                break
        return best

    def _span(self, spelled: str, start: int, stop: int) -> tuple[int, int]:
        """Character offsets of a match found at `start:stop` of the spelled text."""
        if not self.bytewise:
            return start, stop
        first = len(_unspell(spelled[:start]))
        return first, first + len(_unspell(spelled[start:stop]))

    @staticmethod
    def _joined(text: str, start: int, stop: int) -> bool:
        """An ASCII letter of the keyword's edge touches another ASCII letter of the text."""
        left = start > 0 and _ascii_letter(text[start]) and _ascii_letter(text[start - 1])
        right = stop < len(text) and _ascii_letter(text[stop - 1]) and _ascii_letter(text[stop])
        return left or right

    @staticmethod
    def _separated(text: str, start: int, stop: int, gaps: frozenset[int]) -> bool:
        left = start == 0 or not _ascii_letter(text[start - 1]) or start in gaps
        right = stop == len(text) or not _ascii_letter(text[stop]) or stop in gaps
        return left and right
