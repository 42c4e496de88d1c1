"""Each group's members' classifications, kept from the group's last read.

A classification is pure in the member, their `/rename` binding, the roster index and the
group's policy and scope (bot.services.classification). The index is rebuilt on every roster
change and a policy or config replaced when it changes, so those three are compared by
identity (`anchors`) and kept alive with the memo, so no id is reused. A daily audit reads
the same members every day: each is classified once, not once a day.

What is kept per group is what its last full read classified (plus members classified alone
since, up to `kept`): members who left drop out with the next read, so memory follows the
groups' sizes, and one group's change never empties another's.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.members import MemberView
from bot.services.classification import Classification

Key = tuple[MemberView, int | None]  # the member, the employee id they are bound to
Memo = dict[Key, Classification]


class ClassifiedMemo:
    """Per group: (anchors, member → classification)."""

    def __init__(self, kept: int) -> None:
        self.kept = kept
        self._by_group: dict[str, tuple[tuple[object, ...], Memo]] = {}

    def of(self, code: str, anchors: tuple[object, ...]) -> Memo:
        """The group's memo, empty if the anchors moved (or the group is new)."""
        last = self._by_group.get(code)
        if last is not None and all(a is b for a, b in zip(last[0], anchors, strict=True)):
            return last[1]
        fresh: Memo = {}
        self._by_group[code] = (anchors, fresh)
        return fresh

    def one(
        self,
        code: str,
        anchors: tuple[object, ...],
        key: Key,
        work: Callable[[], Classification],
    ) -> Classification:
        """One member's classification, remembered (a message's sender, say)."""
        memo = self.of(code, anchors)
        found = memo.get(key)
        if found is None:
            found = work()
            if len(memo) < self.kept:
                memo[key] = found
        return found

    def all(
        self,
        code: str,
        anchors: tuple[object, ...],
        keys: list[Key],
        work: Callable[[Key], Classification],
    ) -> list[Classification]:
        """Every member of a full read classified; the group's memo becomes exactly these."""
        memo = self.of(code, anchors)
        fresh: Memo = {}
        for key in keys:
            found = memo.get(key)
            fresh[key] = found if found is not None else work(key)
        self._by_group[code] = (anchors, fresh)
        return [fresh[key] for key in keys]
