"""A realistic stream of Chinese group-chat messages, and banned keywords, from jieba's
dictionary (a file inside the jieba package: no network at run time).

Messages are built from the most frequent words; keywords are sampled from the rarer ones, so
a message holds a banned keyword where one was put in (2 %), sometimes padded to evade
(``赌 博``, ``赌\u200b博``, ``赌.博``), or where words happen to join into one. Ads, links,
voice messages, long messages and bursts from one sender (flooding) are mixed in; the clock
runs from 19:00 into the quiet hours.
"""

from __future__ import annotations

import importlib.resources
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

from bot.core.content_policy import BUILTIN_AD_KEYWORDS
from bot.core.errors import ConfigError
from bot.core.vocabulary import MessageKind

VOCABULARY = 8000  # the most frequent words, used to write messages
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_PUNCT = ("，", "。", "！", "？", " ", "、", "～", "…")
_EXTRAS = ("OK", "ppt", "excel", "3点", "10:30", "😂", "👍", "🙏", "2026", "A区")
_PADDING = ("\u200b", " ", ".", "-", "\u3000", "*")
START = datetime(2026, 11, 23, 19, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@dataclass(frozen=True, slots=True)
class Message:
    sender: int
    text: str
    kind: MessageKind
    at: datetime


def dictionary() -> list[tuple[str, int]]:
    """jieba's words made only of Chinese characters, most frequent first."""
    try:
        source = importlib.resources.files("jieba") / "dict.txt"
    except ModuleNotFoundError:
        # A missing extra is a setup problem the user fixes: one clear line, exit 2.
        raise ConfigError(
            "bench", "the benchmarks need jieba: pip install 'qunguan[bench]'"
        ) from None
    words = []
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, *_ = line.split()
            if _HAN.fullmatch(word) and len(word) <= 4:
                words.append((word, int(freq)))
    words.sort(key=lambda item: -item[1])
    return words


def keywords(words: list[tuple[str, int]], n: int, seed: int) -> list[str]:
    """`n` distinct words of 2 to 4 characters from beyond the messages' vocabulary."""
    rare = [word for word, _ in words[VOCABULARY:] if len(word) >= 2]
    if n > len(rare):
        raise ValueError(f"at most {len(rare)} keywords are available")
    return random.Random(seed).sample(rare, n)


class Stream:
    """Deterministic messages for a seed."""

    def __init__(self, words: list[tuple[str, int]], banned: list[str], seed: int) -> None:
        common = words[:VOCABULARY]
        self.vocab = [word for word, _ in common]
        self.weights = list(accumulate(freq for _, freq in common))
        self.banned = banned
        self.rng = random.Random(seed)

    def messages(self, count: int, senders: int) -> list[Message]:
        """`count` messages 200 ms apart from `senders` senders, with occasional bursts."""
        out: list[Message] = []
        burst_left, burst_sender = 0, 0
        for i in range(count):
            at = START + timedelta(milliseconds=200 * i)
            if burst_left:
                burst_left -= 1
                sender = burst_sender
            else:
                sender = self.rng.randrange(senders)
                if self.rng.random() < 0.002:  # someone starts flooding: 12 quick messages
                    burst_left, burst_sender = 11, sender
            out.append(self._one(sender, at))
        return out

    def _one(self, sender: int, at: datetime) -> Message:
        roll = self.rng.random()
        if roll < 0.005:
            return Message(sender, "", "voice", at)
        text = self._sentence()
        if roll < 0.025 and self.banned:
            text = self._insert(text, self._evade(self.rng.choice(self.banned)))
        elif roll < 0.035:
            text = self._insert(text, self._evade(self.rng.choice(BUILTIN_AD_KEYWORDS)))
        elif roll < 0.04:
            text = self._insert(text, " https://example.com/s/abc ")
        return Message(sender, text, "text", at)

    def _sentence(self) -> str:
        roll = self.rng.random()
        target = (
            self.rng.randint(2, 20)
            if roll < 0.7
            else self.rng.randint(20, 60)
            if roll < 0.96
            else self.rng.randint(60, 180)
            if roll < 0.99
            else self.rng.randint(200, 400)
        )
        parts: list[str] = []
        size = 0
        while size < target:
            word = self.rng.choices(self.vocab, cum_weights=self.weights)[0]
            if self.rng.random() < 0.03:
                word = self.rng.choice(_EXTRAS)
            parts.append(word)
            size += len(word)
            if self.rng.random() < 0.15:
                parts.append(self.rng.choice(_PUNCT))
        return "".join(parts)

    def _evade(self, word: str) -> str:
        if self.rng.random() < 0.5:
            return word
        pad = self.rng.choice(_PADDING)
        return pad.join(word)

    def _insert(self, text: str, piece: str) -> str:
        at = self.rng.randint(0, len(text))
        return text[:at] + piece + text[at:]
