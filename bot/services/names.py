"""What a name is: the normaliser that makes look-alike spellings equal, and the naming
template that says which exact name an employee should show (the replay spec's "Naming
compliance": a display name complies when, normalised, it equals the template filled from the
roster entry, normalised the same way, or the bare name for exec employees)."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping

from bot.core.employees import RosterEntry
from bot.core.policy import NamingPolicy

ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u180e\u00ad"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2500\u2501\ufe58\ufe63\uff0d"
_ZW_TABLE = str.maketrans("", "", ZERO_WIDTH)
_DASH_RUN = re.compile(r"\s*[" + re.escape(DASHES) + r"]\s*")


def normalise_name(text: str) -> str:
    """NFKC, zero-width characters removed, outer spacing trimmed, dashes unified."""
    text = unicodedata.normalize("NFKC", text).translate(_ZW_TABLE).strip()
    return _DASH_RUN.sub("-", text)


class _Fields(string.Formatter):
    def get_value(self, key: int | str, args: object, kwargs: Mapping[str, str]) -> str:
        return kwargs.get(str(key), "")


_FORMATTER = _Fields()


def template_fields(entry: RosterEntry, company: str | None) -> dict[str, str]:
    phone = entry.phone or ""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return {
        "name": entry.name,
        "department": entry.department,
        "title": entry.title or "",
        "company": company or "",
        "phone": phone,
        "phone4": digits[-4:],
        "employee_no": entry.employee_no or "",
    }


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def render_template(template: str, entry: RosterEntry, company: str | None) -> str:
    """The exact name `entry` should show, e.g. `财务部-张三`."""
    fields = template_fields(entry, company)
    try:  # str.format_map is C: the same result, several times faster than a Formatter
        return template.format_map(_Blank(fields))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return _FORMATTER.format(template, **fields)  # positional fields, odd specs


def accepted_names(entry: RosterEntry, naming: NamingPolicy, company: str | None) -> list[str]:
    """Names that comply for `entry`: the template, and the bare name for execs if allowed."""
    names = [render_template(naming.template, entry, company)]
    if entry.exec and naming.exec_bare_name:
        names.append(entry.name)
    return names


def complies(display: str, entry: RosterEntry, naming: NamingPolicy, company: str | None) -> bool:
    """`display` is one of the names `entry` may show (compared normalised)."""
    wanted = {normalise_name(name) for name in accepted_names(entry, naming, company)}
    return normalise_name(display) in wanted
