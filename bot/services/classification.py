"""Where one member stands against the roster and the naming rule: the member statuses.

Pure, after the replay spec's "Naming compliance": a `/rename` binding wins over any guess;
otherwise the roster matcher (bot.services.roster_match) finds the candidates, and one
candidate identifies the member, several make them ambiguous, none unknown. An identified
member is departed, out of the group's scope, compliant or misnamed (bot.services.names).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.employees import RosterEntry
from bot.core.members import MemberView
from bot.core.org import Scope
from bot.core.policy import NamingPolicy
from bot.core.vocabulary import MemberStatus
from bot.services.names import complies, render_template
from bot.services.roster_match import RosterIndex


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
