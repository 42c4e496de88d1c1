"""The roster matcher: which employees a display name could be.

An unbound member is matched by trying, in order, the template name, the bare name, an alias,
and a roster name contained in the display name; the first strategy that finds any candidate
decides (bot.services.classification turns the candidates into a status). Names are compared
normalised (bot.services.names).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from bot.core.employees import RosterEntry
from bot.core.org import Scope
from bot.services.names import normalise_name, render_template

# Roster names shorter than this are not looked for inside display names: one character
# would be found in almost every name.
MIN_CONTAINED_NAME = 2

MATCH_MEMO = 100_000  # matches remembered per roster version

Strategy = Literal["template", "bare_name", "alias", "contained"]


@dataclass(frozen=True, slots=True)
class Match:
    strategy: Strategy | None
    candidates: tuple[RosterEntry, ...]
    name: str = ""  # the display name normalised (kept: identity compares it to admins')


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
        # Names looked for inside display names, in roster order; found by looking each
        # substring of a display name up (of the lengths roster names have), not by scanning.
        self._contained: dict[str, int] = {}
        for name in self._bare:
            if len(name) >= MIN_CONTAINED_NAME:
                self._contained[name] = len(self._contained)
        self._lengths = sorted({len(name) for name in self._contained})
        self._templates: dict[tuple[str, str | None], dict[str, list[RosterEntry]]] = {}
        # Matches made, per (display, template, company): a company's people sit in several
        # groups, and every audit meets the same names again. The index is replaced when the
        # roster changes, and the memo with it.
        self._matches: dict[tuple[str, str, str | None], Match] = {}
        self._accounts: dict[str, list[RosterEntry]] = defaultdict(list)
        for entry in self.entries:
            for account in {entry.wechat_id, entry.telegram_id} - {None}:
                self._accounts[str(account)].append(entry)
        self._in_scope: dict[Scope, tuple[RosterEntry, ...]] = {}

    def in_scope(self, scope: Scope) -> tuple[RosterEntry, ...]:
        """The active entries `scope` admits, in roster order (kept per scope: every audit
        counts the employees missing from its group)."""
        found = self._in_scope.get(scope)
        if found is None:
            found = tuple(entry for entry in self.entries if entry.active and scope.admits(entry))
            self._in_scope[scope] = found
        return found

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
        key = (display, template, company)
        found = self._matches.get(key)
        if found is None:
            if len(self._matches) >= MATCH_MEMO:
                self._matches.clear()  # bounded: an odd flood of names costs time, not memory
            found = self._matches[key] = self._match(display, template, company)
        return found

    def _match(self, display: str, template: str, company: str | None) -> Match:
        name = normalise_name(display)
        for strategy, found in (
            ("template", self._by_template(template, company).get(name, ())),
            ("bare_name", self._bare.get(name, ())),
            ("alias", self._alias.get(name, ())),
        ):
            if found:
                return Match(strategy, _unique(found), name)  # type: ignore[arg-type]
        contained = [entry for rname in self._contained_in(name) for entry in self._bare[rname]]
        if contained:
            return Match("contained", _unique(contained), name)
        return Match(None, (), name)

    def _contained_in(self, name: str) -> list[str]:
        """The roster names (of MIN_CONTAINED_NAME characters or more) inside `name`, in
        roster order."""
        found = {
            name[start : start + length]
            for length in self._lengths
            for start in range(len(name) - length + 1)
        }
        return sorted(found & self._contained.keys(), key=self._contained.__getitem__)

    def by_account(self, account: str | None) -> RosterEntry | None:
        """The one employee configured with this account id (WeChat ID, Telegram user id)."""
        found = _unique(self._accounts.get(account, ())) if account else ()
        return found[0] if len(found) == 1 else None

    def by_remark(
        self, remark: str | None, template: str, company: str | None
    ) -> RosterEntry | None:
        """The one employee a contact remark names (template name, bare name or alias; never a
        name merely contained in it): the operator wrote it, so it is trusted."""
        if not remark:
            return None
        match = self.match(remark, template, company)
        if match.strategy in (None, "contained") or len(match.candidates) != 1:
            return None
        return match.candidates[0]

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
