"""One entry, one holder (spec "Identity: who a member is"), decided for a whole group.

Pure. Each member is first classified alone (bot.services.classification); then, for every
roster entry two or more members claim, the one bound by a trusted way (an account id, the
operator's remark) keeps it, else the one `/rename` bound, else the one that held it before
(the states audits stored, or everyone but a newcomer); the others are impostors. Where no one
can be told apart (two members showing one name, neither known) all of them are impostors:
none is compliant, and none is charged for another. A name that merely contains a claimed
employee's name is unknown, not that employee. A member showing the name of an employee the
bot knows by a trusted way (`known`: an admin's remark, a remark seen in any group, an account
id configured for the employee) without being them is an impostor even when alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence

from bot.core.members import MemberView
from bot.services.classification import Classification
from bot.services.names import normalise_name

CLAIMING = ("compliant", "misnamed", "departed")


def resolve(
    results: Sequence[Classification],
    *,
    known: Collection[int] = (),
    earlier: Mapping[int, Collection[str]] | None = None,
    newcomer: str | None = None,
    admins: Collection[str] = (),
    normalised: Callable[[str], str] = normalise_name,
) -> list[Classification]:
    """The group's classifications with every roster entry held by at most one member.

    `admins` are the trusted identities of the group's admins: an admin whose identity names
    no entry (a Telegram user id) still holds the entry their name claims against others."""
    out = list(results)
    claims: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(out):
        if c.entry is not None and c.status in CLAIMING:
            claims[c.entry.id].append(i)
    for entry_id, claimants in claims.items():
        if len(claimants) == 1:  # most entries: `_settle` changes a lone claimant only when
            c = out[claimants[0]]  # someone else is known by a trusted way to hold it
            if c.member.identity in admins or not _known_elsewhere(c, entry_id in known):
                continue
        before = (earlier or {}).get(entry_id, ())
        _settle(out, claimants, entry_id in known, before, newcomer, admins)
    # A trusted member showing the name of another employee known by a trusted way.
    holders = {c.entry.id: c.member for c in out if c.entry and c.status in CLAIMING}
    trusted_held = {c.entry.id for c in out if c.entry and c.trusted and c.status in CLAIMING}
    for i, c in enumerate(out):
        shown = c.shown
        if not (c.trusted and c.entry and shown and c.status in CLAIMING):
            continue
        if shown.id != c.entry.id and (shown.id in trusted_held or shown.id in known):
            out[i] = c.as_impostor(shown, holders.get(shown.id))
    return _admin_names(out, admins, normalised)


def _admin_names(
    out: list[Classification], admins: Collection[str], normalised: Callable[[str], str]
) -> list[Classification]:
    """Showing an admin's name (their remark) without being them makes an impostor, also
    where the admin is on no roster entry. `normalised`: `normalise_name`, or a memo of it."""
    names = {normalise_name(admin): admin for admin in admins}
    present = {c.member.identity: c.member for c in out if c.member.identity in names.values()}
    for i, c in enumerate(out):
        remark = names.get(normalised(c.member.display))
        if c.member.is_self or c.status == "impostor" or remark is None:
            continue
        if c.member.identity != remark:
            out[i] = c.as_admin_impostor(remark, present.get(remark))
    return out


def _known_elsewhere(c: Classification, known: bool) -> bool:
    """The entry `c` claims by their name belongs to someone the bot knows by a trusted way,
    and `c` is not bound to it by one (nor by an admin's `/rename`)."""
    if c.trusted or c.how == "rename" or c.entry is None:
        return False
    mismatch = c.member.account is not None and (c.entry.wechat_id or c.entry.telegram_id)
    return known or bool(mismatch and not c.entry.owns_account(c.member.account))


def _settle(
    out: list[Classification],
    claimants: list[int],
    known: bool,
    earlier: Collection[str],
    newcomer: str | None,
    admins: Collection[str] = (),
) -> None:
    """Keep one holder among `claimants` (indices into `out`); the others lose the entry."""
    direct = [i for i in claimants if out[i].strategy != "contained"]
    if direct and len(direct) < len(claimants):
        for i in set(claimants) - set(direct):
            out[i] = out[i].as_unknown()
        claimants = direct
    if len(claimants) == 1:
        c = out[claimants[0]]
        if c.member.identity not in admins and _known_elsewhere(c, known):
            assert c.entry is not None
            lone = c.as_unknown() if c.strategy == "contained" else c.as_impostor(c.entry, None)
            out[claimants[0]] = lone
        return
    holder = _holder(out, claimants, earlier, newcomer, admins)
    if holder is not None and holder not in _admins(out, claimants, admins):
        holder = None if _known_elsewhere(out[holder], known) else holder
    for i in claimants:
        if i == holder:
            continue
        c = out[i]
        if c.strategy == "contained":
            out[i] = c.as_unknown()
            continue
        others = [out[j].member for j in claimants if j != i]
        real: MemberView | None = out[holder].member if holder is not None else None
        assert c.entry is not None
        holder_view = real or (others[0] if others else None)
        out[i] = c.as_impostor(c.entry, holder_view, contested=real is None)


def _admins(out: list[Classification], claimants: list[int], admins: Collection[str]) -> set[int]:
    return {i for i in claimants if out[i].member.identity in admins}


def _holder(
    out: list[Classification],
    claimants: list[int],
    earlier: Collection[str],
    newcomer: str | None,
    admins: Collection[str],
) -> int | None:
    """Who keeps the entry: trusted, else an admin, else `/rename`d, else the one who held it
    before."""
    found = [i for i in claimants if out[i].trusted]
    found = found or sorted(_admins(out, claimants, admins))
    found = found or [i for i in claimants if out[i].how == "rename"]
    if found:
        return found[0]
    keys = [out[i].member.key for i in claimants]
    if len(set(keys)) < len(keys):
        return None  # members showing one name with nothing else to tell them apart
    before = [i for i in claimants if out[i].member.key in earlier]
    if len(before) != 1 and newcomer is not None:
        before = [i for i in claimants if out[i].member.key != newcomer]
    return before[0] if len(before) == 1 else None
