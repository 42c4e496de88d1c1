"""The last resolution of each group, kept so that a group read again unchanged (every warning
reads its group: who holds what) is not classified and resolved again.

`identity.resolve` is pure in its inputs: the members, each one's classification (itself pure
in the roster index, the group's policy and scope, and the `/rename` bindings), the entries
known by a trusted way, the earlier holders, the newcomer and the admins. A resolution is
reused only when every one of them is the same; `earlier` is consulted by `resolve` only for an
entry two or more members claim (`contested`), so it is read only then.

A group read again after members left (the audit removed the departed: every daily audit
after the first reads such a list) reuses the last resolution minus the leavers when no one
else's resolution can depend on them (bot.services.snapshot_leavers).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import identity
from bot.services.classification import Classification
from bot.services.snapshot_leavers import independent, left_out


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
        gone = left_out(last.inputs[0], inputs[0])
        if not gone or not independent(last.alone, last.results, gone, last.inputs[3]):
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
