"""Normalisation for keyword matching: what is left of a text once evasions are undone.

NFKC (full-width forms, compatibility ideographs, circled digits…), case-folded, and reduced
to letters and digits, so spacing, zero-width characters, punctuation, symbols and emoji used
as padding (``加 V``, ``赌.博``, ``加-微-信``, ``加\u200b微信``) disappear.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[\W_]+")  # everything that is not a letter or a digit
_KEEP = re.compile(r"[^\W_]+")
_MAX_ROUNDS = 16
# Blocks holding the spacing and punctuation chat text is full of (ASCII, general and CJK
# punctuation, full-width forms).
_PUNCTUATION_BLOCKS = (
    (0x0000, 0x00BF),
    (0x2000, 0x206F),
    (0x3000, 0x303F),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFFEF),
)


def _padding(char: str) -> bool:
    """Dropped whatever NFKC would make of it: no letter or digit comes out, and it is not a
    combining mark that could attach to its neighbour."""
    return (
        not char.isalnum()
        and unicodedata.category(char)[0] != "M"
        and not any(c.isalnum() for c in unicodedata.normalize("NFKC", char))
    )


# Removing that padding before NFKC keeps most chat messages on NFKC's fast path (full-width
# punctuation such as ，！？ would otherwise send every message down the slow one).
_PRE_DROP = re.compile(
    "["
    + "".join(
        re.escape(chr(code))
        for low, high in _PUNCTUATION_BLOCKS
        for code in range(low, high + 1)
        if _padding(chr(code))
    )
    + "]+"
)


def _round(text: str) -> str:
    out = unicodedata.normalize("NFKC", _PRE_DROP.sub("", text)).casefold()
    return out if out.isalnum() else _DROP.sub("", out)


def _stable(text: str) -> bool:
    return unicodedata.is_normalized("NFKC", text) and text.casefold() == text


def normalise(text: str) -> str:
    """The letters and digits of `text`, NFKC-normalised and case-folded.

    Idempotent: dropping a character can let its neighbours compose under NFKC, so the steps
    repeat until nothing changes (one round for all but contrived input).
    """
    out = _round(text)
    for _ in range(_MAX_ROUNDS):
        if _stable(out):
            break
        out = _round(out)
    return out


def separators(text: str) -> frozenset[int] | None:
    """Positions in `normalise(text)` that had something dropped just before them.

    None where the positions cannot be told (only for contrived input).
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    out, length, previous_end = set(), 0, 0
    runs = []
    for run in _KEEP.finditer(folded):
        if run.start() > previous_end and length:
            out.add(length)
        runs.append(run.group())
        length += run.end() - run.start()
        previous_end = run.end()
    if "".join(runs) != normalise(text):
        return None
    return frozenset(out)
