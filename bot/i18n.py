"""User-facing text, from Fluent catalogues under `locales/<locale>/*.ftl`.

Every feature keeps its own `.ftl` file; all files of a locale form one bundle. A key missing
in the chosen locale falls back to the other one, so a half-translated feature still speaks.

Text never breaks: an argument longer than ARG_LIMIT characters (a 3,000-character /kick
reason, a long display name) is cut with an ellipsis, and the blocks of text the bot composes
(BLOCK_ARGS: lists of members, report lines) are put in whole after Fluent has formatted the
message (Fluent gives up on a placeable over 2,500 characters and prints `{???}`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from loguru import logger

import locales
from bot.text_args import prepare, splice

LOCALES_DIR = Path(locales.__file__).parent
SUPPORTED = ("zh_CN", "en")
DEFAULT_LOCALE = "zh_CN"


@cache
def _bundle(locale: str) -> FluentBundle:
    bundle = FluentBundle([locale.replace("_", "-")], use_isolating=False)
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle


def message_ids(locale: str) -> set[str]:
    """Every message key defined for `locale` (used by the catalogue completeness test)."""
    bundle = _bundle(locale)
    return set(bundle._messages)


class Translator:
    """Renders message keys in one locale, falling back to the other supported locale."""

    def __init__(self, locale: str = DEFAULT_LOCALE) -> None:
        if locale not in SUPPORTED:
            raise ValueError(f"unsupported locale {locale!r}; expected one of {SUPPORTED}")
        self.locale = locale
        self._order = (locale, *(o for o in SUPPORTED if o != locale))
        _bundle(locale)  # a broken catalogue fails here, not at the first message

    def _chain(self) -> Iterator[FluentBundle]:
        """The locale's bundle, then the fallback's: that one is parsed (with its locale
        data) only when a key is missing from the first, which for a complete catalogue is
        never."""
        return (_bundle(locale) for locale in self._order)

    def has(self, key: str) -> bool:
        return any(bundle.has_message(key) for bundle in self._chain())

    def __call__(self, key: str, **args: Any) -> str:
        safe, blocks = prepare(args)
        for bundle in self._chain():
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, safe)
                for error in errors:
                    logger.warning("locale {key}: {error}", key=key, error=error)
                if isinstance(text, str):
                    return splice(text, blocks)
                break  # FluentNone: the pattern resolved to nothing usable

        logger.error("missing locale key {key}", key=key)
        return key
