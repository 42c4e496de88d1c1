"""Members who left a group: may its last resolution be reused without them?

`identity.resolve` reads one member for another only through an entry's claimants, the holder
of an entry another shows, and the admins present. So the resolution of a group less some
members is the last one less them when no leaver is an admin, none is named as holder in
anyone else's resolution, and no roster entry a leaver names (claimed, shown, resolved
against; classified alone or resolved) is named by anyone who stays
(bot.services.snapshot_memo uses it; tests/test_snapshot_memo_leavers.py checks it against
fresh resolutions).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from bot.core.members import MemberView
from bot.services.classification import Classification


def _refs(c: Classification) -> Iterator[int]:
    """The roster entries a classification names (as claimed, shown or resolved against)."""
    for entry in (c.entry, c.shown, c.claimed):
        if entry is not None:
            yield entry.id


def independent(
    alone: Sequence[Classification],
    results: Sequence[Classification],
    gone: list[int],
    admins: Collection[str],
) -> bool:
    """Resolving the members classified `alone` (resolved: `results`) without those at the
    indices `gone` leaves everyone else's resolution as it was (see the module)."""
    named: set[int] = set()
    leavers: set[MemberView] = set()
    for i in gone:
        one, resolved = alone[i], results[i]
        if resolved.member.identity in admins:
            return False
        named.update(_refs(one), _refs(resolved))
        leavers.add(resolved.member)
    left = set(gone)
    for i, (one, resolved) in enumerate(zip(alone, results, strict=True)):
        if i not in left and (
            _names(one, named, leavers)
            or (resolved is not one and _names(resolved, named, leavers))
        ):
            return False
    return True


def _names(c: Classification, entries: set[int], members: set[MemberView]) -> bool:
    """`c` names one of `entries` (claimed, shown, resolved against) or has a holder among
    `members` (written out: every member of a group is asked)."""
    entry, shown, claimed = c.entry, c.shown, c.claimed
    return (
        (entry is not None and entry.id in entries)
        or (shown is not None and shown.id in entries)
        or (claimed is not None and claimed.id in entries)
        or (c.holder is not None and c.holder in members)
    )


def left_out(before: Sequence[MemberView], now: Sequence[MemberView]) -> list[int] | None:
    """The indices of `before` that `now` lacks, if `now` is `before` with some members
    left out (order kept); None otherwise."""
    gone: list[int] = []
    j = 0
    for i, member in enumerate(before):
        if j < len(now) and now[j] == member:
            j += 1
        else:
            gone.append(i)
    return gone if j == len(now) else None
