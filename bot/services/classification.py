"""Where one member stands against the roster and the naming rule: the member statuses.

Pure, after the replay spec's "Naming compliance" and "Identity": a trusted binding (an
account id configured for an employee, the operator's remark naming one) wins over anything;
then a `/rename` binding; otherwise the roster matcher (bot.services.roster_match) finds the
candidates, and one candidate identifies the member, several make them ambiguous, none unknown.
An identified member is departed, out of the group's scope, compliant or misnamed
(bot.services.names). Who holds an entry two members claim is decided for the whole group
(bot.services.identity), which may turn a member into an impostor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from bot.core.employees import RosterEntry
from bot.core.members import MemberView
from bot.core.org import Scope
from bot.core.policy import NamingPolicy
from bot.core.vocabulary import MemberStatus
from bot.services.names import complies, render_template
from bot.services.roster_match import Match, RosterIndex, Strategy

# How a member came to their entry: an account id or a remark (trusted), `/rename`, a guess.
How = Literal["account", "remark", "rename", "guess"]
TRUSTED: tuple[How, ...] = ("account", "remark")


@dataclass(frozen=True, slots=True)
class Classification:
    """Where one member stands against the roster and the naming rule."""

    member: MemberView
    status: MemberStatus
    entry: RosterEntry | None = None
    expected: str | None = None  # the exact name to set, for misnamed members
    candidates: tuple[RosterEntry, ...] = ()
    bound: bool = False  # bound by /rename or a trusted identity rather than guessed
    out_of_scope: RosterEntry | None = None
    how: How | None = None
    strategy: Strategy | None = None  # for a guess: how the display name matched
    # The one entry the display name itself claims (never by mere containment).
    shown: RosterEntry | None = None
    # An impostor: the entry they claim, and the member who holds it (None: not present).
    claimed: RosterEntry | None = None
    holder: MemberView | None = None
    contested: bool = False  # no one holds `claimed`: `holder` is another claimant
    # An impostor showing the name (remark) of an admin who is on no roster entry.
    admin_named: str | None = None

    @property
    def trusted(self) -> bool:
        return self.how in TRUSTED

    def as_impostor(
        self, claimed: RosterEntry, holder: MemberView | None, *, contested: bool = False
    ) -> Classification:
        """This member shows `claimed`'s name without being them. Charges follow the member:
        an untrusted impostor keeps no entry; a trusted one keeps their own."""
        entry = self.entry if self.trusted and self.entry != claimed else None
        return replace(
            self,
            status="impostor",
            entry=entry,
            expected=None,
            claimed=claimed,
            holder=holder,
            contested=contested,
        )

    def as_admin_impostor(self, remark: str, admin: MemberView | None) -> Classification:
        """This member shows the name of an admin (`remark`) without being them."""
        entry = self.entry if self.trusted else None
        return replace(
            self, status="impostor", entry=entry, expected=None, admin_named=remark, holder=admin
        )

    def as_unknown(self) -> Classification:
        """A name that merely contains a present employee's name is not that employee."""
        return replace(self, status="unknown", entry=None, expected=None, candidates=())


def classify(
    member: MemberView,
    index: RosterIndex,
    *,
    naming: NamingPolicy,
    scope: Scope,
    company: str | None,
    binding: RosterEntry | None = None,
) -> Classification:
    """Classify one member. A trusted binding wins over `/rename`, which wins over any guess."""
    if member.is_self:
        return Classification(member, "bot")
    match = index.match(member.display, naming.template, company)
    shown = match.candidates[0] if len(match.candidates) == 1 else None
    if match.strategy == "contained":
        shown = None
    how: How = "guess"
    strategy: Strategy | None = None
    entry: RosterEntry | None
    if (entry := index.by_account(member.account)) is not None:
        how = "account"
    elif (entry := index.by_remark(member.identity, naming.template, company)) is not None:
        how = "remark"
    elif binding is not None:
        entry, how = binding, "rename"
    else:
        if len(match.candidates) != 1:
            status: MemberStatus = "ambiguous" if match.candidates else "unknown"
            return Classification(
                member, status, candidates=match.candidates, strategy=match.strategy
            )
        entry, strategy = match.candidates[0], match.strategy
    # Built once, with its final status: `dataclasses.replace` cost as much as the matching.
    # The match's own tuple where it is this one entry (shared by every group it shows in).
    candidates = match.candidates if match.candidates == (entry,) else (entry,)
    status, expected, out_of_scope = "unknown", None, None
    if not entry.active:
        status = "departed"
    elif not scope.admits(entry):
        entry, out_of_scope = None, entry
    elif _shows_template(match, entry) or complies(member.display, entry, naming, company):
        status = "compliant"
    else:
        status, expected = "misnamed", render_template(naming.template, entry, company)
    return Classification(
        member, status, entry, expected, candidates, how != "guess",
        out_of_scope, how, strategy, shown,
    )  # fmt: skip


def _shows_template(match: Match, entry: RosterEntry) -> bool:
    """The display name was found as `entry`'s template name: it complies (the template is
    the first name `complies` accepts), without rendering the template again."""
    return match.strategy == "template" and any(c.id == entry.id for c in match.candidates)
