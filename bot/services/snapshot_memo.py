"""The last resolution of each group, kept so that a group read again unchanged (every warning
reads its group: who holds what) is not classified and resolved again.

`identity.resolve` is pure in its inputs: the members, each one's classification (itself pure
in the roster index, the group's policy and scope, and the `/rename` bindings), the entries
known by a trusted way, the earlier holders, the newcomer and the admins. A resolution is
reused only when every one of them is the same; `earlier` is consulted by `resolve` only for an
entry two or more members claim (`contested`), so it is read only then.

A group read again after members left (the audit removed the departed: every daily audit
after the first reads such a list) reuses the last resolution minus the leavers when no one
else's resolution can depend on them (`_independent`): a leaver who was no admin and whose
entries (claimed, shown) no other member claimed, showed or was resolved against. Each step of
`resolve` reads another member only through those: the claimants of an entry, the holder of a
shown entry, the admins present.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import identity
from bot.services.classification import Classification


def contested(results: Sequence[Classification]) -> bool:
    """Two or more members claim one roster entry (the only case `resolve` reads `earlier`)."""
    seen: set[int] = set()
    for c in results:
        if c.entry is not None and c.status in identity.CLAIMING:
            if c.entry.id in seen:
                return True
            seen.add(c.entry.id)
    return False


@dataclass(frozen=True, slots=True)
class _Resolved:
    inputs: tuple[Any, ...]
    anchors: tuple[object, ...]  # compared by identity, and kept alive so ids are not reused
    known: Collection[int]
    earlier: Mapping[int, Collection[str]] | None  # None: nothing contested, not consulted
    results: tuple[Classification, ...]
    alone: tuple[Classification, ...]  # each member classified alone: what `resolve` read


def _refs(c: Classification) -> Iterator[int]:
    """The roster entries a classification names (as claimed, shown or resolved against)."""
    for entry in (c.entry, c.shown, c.claimed):
        if entry is not None:
            yield entry.id


def _independent(last: _Resolved, gone: list[int], admins: Collection[str]) -> bool:
    """Resolving the members of `last` without those at the indices `gone` leaves everyone
    else's resolution as it was: no leaver is an admin or the holder named in another's
    resolution, and no entry a leaver names (alone or resolved) is named by anyone who stays."""
    named: set[int] = set()
    leavers: set[MemberView] = set()
    for i in gone:
        alone, resolved = last.alone[i], last.results[i]
        if resolved.member.identity in admins:
            return False
        named.update(_refs(alone), _refs(resolved))
        leavers.add(resolved.member)
    left = set(gone)
    for i, (alone, resolved) in enumerate(zip(last.alone, last.results, strict=True)):
        if i not in left and (
            _names(alone, named, leavers)
            or (resolved is not alone and _names(resolved, named, leavers))
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


def _left(before: Sequence[MemberView], now: Sequence[MemberView]) -> list[int] | None:
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


class ResolutionMemo:
    """One resolution per group (the last), compared by its inputs before reuse."""

    def __init__(self) -> None:
        self._last: dict[str, _Resolved] = {}

    @staticmethod
    def inputs(
        group: GroupRuntime,
        members: Sequence[MemberView],
        index: object,
        bindings: Mapping[str, int],
        newcomer: str | None,
    ) -> tuple[tuple[Any, ...], tuple[object, ...]]:
        """Everything the classifications depend on, bar `known` and `earlier`; the policy,
        config and roster index are `anchors` (each is replaced, never changed)."""
        anchors = (group.policy, group.config, index)
        return (tuple(members), tuple(bindings.items()), newcomer, group.admins), anchors

    def get(
        self, code: str, key: tuple[tuple[Any, ...], tuple[object, ...]], known: Collection[int]
    ) -> _Resolved | None:
        """The group's last resolution if made from these inputs and this `known` set."""
        last = self._last.get(code)
        if last is None or last.known is not known:
            return None
        inputs, anchors = key
        if any(a is not b for a, b in zip(last.anchors, anchors, strict=True)):
            return None
        if last.inputs == inputs:
            return last
        if last.inputs[1:] != inputs[1:]:  # bindings, newcomer, admins
            return None
        gone = _left(last.inputs[0], inputs[0])
        if not gone or not _independent(last, gone, last.inputs[3]):
            return None
        left = set(gone)
        kept = [i for i in range(len(last.results)) if i not in left]
        derived = replace(
            last,
            inputs=inputs,
            results=tuple(last.results[i] for i in kept),
            alone=tuple(last.alone[i] for i in kept),
        )
        self._last[code] = derived
        return derived

    def put(
        self,
        code: str,
        key: tuple[tuple[Any, ...], tuple[object, ...]],
        known: Collection[int],
        earlier: Mapping[int, Collection[str]] | None,
        results: Sequence[Classification],
        alone: Sequence[Classification],
    ) -> None:
        """Keep this resolution as the group's last (`earlier` None: not consulted); `alone`
        are the classifications it resolved."""
        self._last[code] = _Resolved(key[0], key[1], known, earlier, tuple(results), tuple(alone))


class LoneMemo:
    """Members classified alone (every message's sender, for impostors), resolved: pure in the
    classification, the entries known by a trusted way and the admins, so remembered."""

    def __init__(self, kept: int) -> None:
        self.kept = kept
        self._by_member: dict[tuple[str, MemberView], tuple[Any, ...]] = {}

    def resolve(
        self, code: str, alone: Classification, known: Collection[int], admins: frozenset[str]
    ) -> Classification:
        """`identity.resolve([alone], ...)`, worked out once per set of inputs."""
        last = self._by_member.get((code, alone.member))
        if last is not None and last[0] is alone and last[1] is known and last[2] == admins:
            resolved: Classification = last[3]
            return resolved
        if len(self._by_member) > self.kept:
            self._by_member.clear()
        resolved = identity.resolve([alone], known=known, admins=admins)[0]
        self._by_member[code, alone.member] = (alone, known, admins, resolved)
        return resolved
