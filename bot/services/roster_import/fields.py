"""Reading one cell as a roster field: each parser takes the texts of the field's columns
and returns the value, or raises `Problem` with a message key (locales/*/hr.ftl)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from bot.core import bounds
from bot.services.roster_import import formats as fm

LIMITS = {
    "name": 64,
    "department": 128,
    "title": 128,
    "phone": 32,
    "employee_no": 64,
    "wechat_id": 64,
    "telegram_id": 64,
}
PATH_SEPARATORS = re.compile(r"[/／\\]")
LIST_SEPARATORS = re.compile(r"[;；,，、]")
PHONE = re.compile(r"^\+?[0-9]{5,20}$")
# Unicode's categories Cc (C0, DEL, C1) and Cs (surrogates), as one scan in C
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
PHONE_NOISE = re.compile(r"[\s\-()（）.]")


class Problem(ValueError):
    """`index`: which of the field's columns holds the fault (a field may read several)."""

    def __init__(self, key: str, *, index: int = 0, **args: Any) -> None:
        super().__init__(key)
        self.key, self.args_, self.index = key, args, index


def check_controls(texts: list[str]) -> None:
    """No control characters (NUL, line breaks, C1…): PostgreSQL refuses NUL, and none of
    them belongs in a name; refused here, so a preview refuses what an import would fail on."""
    for index, text in enumerate(texts):
        found = CONTROL.search(text)
        if found is not None:
            char = f"U+{ord(found.group()):04X}"
            raise Problem("import-error-control", index=index, char=char, position=found.end())


def _text(texts: list[str], field: str, required: bool = False) -> str | None:
    text = texts[0]
    if not text:
        if required:
            raise Problem("import-error-required")
        return None
    if len(text) > LIMITS[field]:
        raise Problem("import-error-too-long", limit=LIMITS[field], count=len(text))
    return text


def _department(texts: list[str]) -> str | None:
    text = texts[0]
    if text:
        primary = next((p for p in LIST_SEPARATORS.split(text) if p.strip()), "")
        parts = [p.strip() for p in PATH_SEPARATORS.split(primary) if p.strip()]
        text = parts[-1] if parts else ""
    return _text([text], "department", required=True)


def _phone(texts: list[str]) -> str | None:
    text = texts[0]
    if not text:
        return None
    cleaned = PHONE_NOISE.sub("", text)
    if not PHONE.match(cleaned):
        raise Problem("import-error-phone", value=text)
    return _text([cleaned], "phone")


def _aliases(texts: list[str]) -> list[str]:
    return [part.strip() for part in LIST_SEPARATORS.split(texts[0]) if part.strip()]


def _exec(texts: list[str]) -> bool:
    word = texts[0].casefold()
    if not word or word in fm.FALSE_WORDS:
        return False
    if word in fm.TRUE_WORDS:
        return True
    raise Problem("import-error-exec", value=texts[0])


def _status(texts: list[str]) -> str | None:
    """Departed if any status column says so; None when every one is blank."""
    seen = None
    for index, text in enumerate(texts):
        state = fm.status_word(text)
        if state is None:
            raise Problem("import-error-status", index=index, value=text)
        if state == "departed":
            return "departed"
        seen = seen or state or None
    return seen


DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")


def _hired(texts: list[str]) -> date | None:
    """A hire date: 2026-11-23, 2026/11/23, 2026.11.23 or 2026年11月23日 (a time after it
    is ignored; date cells arrive as 2026-11-23)."""
    text = texts[0]
    if not text:
        return None
    match = DATE.match(text)
    try:
        if match is None:
            raise ValueError(text)
        hired = date(*(int(part) for part in match.groups()))
        if not bounds.FIRST_HIRED_YEAR <= hired.year <= bounds.LAST_YEAR:
            raise ValueError(text)
        return hired
    except ValueError:
        raise Problem("import-error-hired", value=text) from None


PARSERS: dict[str, Callable[[list[str]], Any]] = {
    "name": lambda t: _text(t, "name", required=True),
    "department": _department,
    "title": lambda t: _text(t, "title"),
    "phone": _phone,
    "employee_no": lambda t: _text(t, "employee_no"),
    "aliases": _aliases,
    "exec": _exec,
    "status": _status,
    "hired": _hired,
    "wechat_id": lambda t: _text(t, "wechat_id"),
    "telegram_id": lambda t: _text(t, "telegram_id"),
}
