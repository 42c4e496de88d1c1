"""Names: the normaliser, template rendering, the roster matcher and member classification.

Everything here is pure and follows the replay spec's "Naming compliance" paragraph:
- a display name complies when, normalised, it equals the template filled from the bound
  roster entry (normalised the same way), or the bare name for exec employees;
- an unbound member is matched by trying, in order, the template name, the bare name, an
  alias, and a roster name contained in the display name; the first strategy that finds any
  candidate decides: one candidate binds, several make the member ambiguous, none unknown.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.core.members import MemberView
from bot.core.org import RosterEntry, Scope
from bot.core.policy import NamingPolicy
from bot.core.vocabulary import MemberStatus

ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u180e\u00ad"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2500\u2501\ufe58\ufe63\uff0d"
_ZW_TABLE = str.maketrans("", "", ZERO_WIDTH)
_DASH_RUN = re.compile(r"\s*[" + re.escape(DASHES) + r"]\s*")

# Roster names shorter than this are not looked for inside display names: one character
# would be found in almost every name.
MIN_CONTAINED_NAME = 2


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


def render_template(template: str, entry: RosterEntry, company: str | None) -> str:
    """The exact name `entry` should show, e.g. `财务部-张三`."""
    return _FORMATTER.format(template, **template_fields(entry, company))


def accepted_names(entry: RosterEntry, naming: NamingPolicy, company: str | None) -> list[str]:
    """Names that comply for `entry`: the template, and the bare name for execs if allowed."""
    names = [render_template(naming.template, entry, company)]
    if entry.exec and naming.exec_bare_name:
        names.append(entry.name)
    return names


def complies(display: str, entry: RosterEntry, naming: NamingPolicy, company: str | None) -> bool:
    wanted = {normalise_name(name) for name in accepted_names(entry, naming, company)}
    return normalise_name(display) in wanted


Strategy = Literal["template", "bare_name", "alias", "contained"]


@dataclass(frozen=True, slots=True)
class Match:
    strategy: Strategy | None
    candidates: tuple[RosterEntry, ...]


class RosterIndex:
    """The roster, indexed for matching. Build once per roster version, reuse for every member."""

    def __init__(self, entries: Iterable[RosterEntry]) -> None:
        self.entries: tuple[RosterEntry, ...] = tuple(entries)
        self.by_id = {entry.id: entry for entry in self.entries}
        self._bare: dict[str, list[RosterEntry]] = defaultdict(list)
        self._alias: dict[str, list[RosterEntry]] = defaultdict(list)
        for entry in self.entries:
            self._bare[normalise_name(entry.name)].append(entry)
            for alias in entry.aliases:
                self._alias[normalise_name(alias)].append(entry)
        self._contained = [
            (name, found) for name, found in self._bare.items() if len(name) >= MIN_CONTAINED_NAME
        ]
        self._templates: dict[tuple[str, str | None], dict[str, list[RosterEntry]]] = {}

    def _by_template(self, template: str, company: str | None) -> dict[str, list[RosterEntry]]:
        key = (template, company)
        if key not in self._templates:
            table: dict[str, list[RosterEntry]] = defaultdict(list)
            for entry in self.entries:
                table[normalise_name(render_template(template, entry, company))].append(entry)
            self._templates[key] = table
        return self._templates[key]

    def match(self, display: str, template: str, company: str | None) -> Match:
        """Which roster entries `display` could be, by the first strategy that finds any."""
        name = normalise_name(display)
        for strategy, found in (
            ("template", self._by_template(template, company).get(name, ())),
            ("bare_name", self._bare.get(name, ())),
            ("alias", self._alias.get(name, ())),
        ):
            if found:
                return Match(strategy, _unique(found))  # type: ignore[arg-type]
        contained = [entry for rname, found in self._contained if rname in name for entry in found]
        if contained:
            return Match("contained", _unique(contained))
        return Match(None, ())

    def find_by_name(self, name: str, template: str, company: str | None) -> list[RosterEntry]:
        """Entries an admin means by `name` in `/rename`: the template name, else the bare name."""
        wanted = normalise_name(name)
        found = self._by_template(template, company).get(wanted) or self._bare.get(wanted, [])
        return list(_unique(found))


def _unique(entries: Iterable[RosterEntry]) -> tuple[RosterEntry, ...]:
    seen: dict[int, RosterEntry] = {}
    for entry in entries:
        seen.setdefault(entry.id, entry)
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class Classification:
    """Where one member stands against the roster and the naming rule."""

    member: MemberView
    status: MemberStatus
    entry: RosterEntry | None = None
    expected: str | None = None  # the exact name to set, for misnamed members
    candidates: tuple[RosterEntry, ...] = ()
    bound: bool = False  # bound by /rename rather than guessed
    out_of_scope: RosterEntry | None = None


def classify(
    member: MemberView,
    index: RosterIndex,
    *,
    naming: NamingPolicy,
    scope: Scope,
    company: str | None,
    binding: RosterEntry | None = None,
) -> Classification:
    """Classify one member. A `/rename` binding wins over any guess."""
    if member.is_self:
        return Classification(member, "bot")
    if binding is not None:
        entry, candidates = binding, (binding,)
    else:
        match = index.match(member.display, naming.template, company)
        if len(match.candidates) != 1:
            status: MemberStatus = "ambiguous" if match.candidates else "unknown"
            return Classification(member, status, candidates=match.candidates)
        entry, candidates = match.candidates[0], match.candidates
    bound = binding is not None
    if not entry.active:
        return Classification(member, "departed", entry, candidates=candidates, bound=bound)
    if not scope.admits(entry):
        return Classification(member, "unknown", candidates=candidates, out_of_scope=entry)
    if complies(member.display, entry, naming, company):
        return Classification(member, "compliant", entry, candidates=candidates, bound=bound)
    expected = render_template(naming.template, entry, company)
    return Classification(member, "misnamed", entry, expected, candidates, bound=bound)
