"""Each group's classifications are kept from its last read (bot.services.classified_memo):
one group's new members or changed policy never empty another group's, members who left drop
out, and an anchor replaced (roster index, policy, config) means classifying again."""

from __future__ import annotations

from bot.core.employees import RosterEntry
from bot.core.members import MemberView
from bot.services.classification import Classification
from bot.services.classified_memo import ClassifiedMemo, Key

ZHANG = RosterEntry(1, "张三", "财务部")


class Work:
    """A classification that counts how often it ran."""

    def __init__(self) -> None:
        self.calls: list[Key] = []

    def __call__(self, key: Key) -> Classification:
        self.calls.append(key)
        return Classification(key[0], "compliant", ZHANG)


def keys(*names: str) -> list[Key]:
    return [(MemberView(name), None) for name in names]


def test_a_new_group_keeps_the_other_groups_classifications() -> None:
    memo, work, anchors = ClassifiedMemo(10), Work(), (object(), object())
    memo.all("g1", anchors, keys("a", "b"), work)
    memo.all("g2", anchors, keys("c"), work)
    memo.all("g1", anchors, keys("a", "b"), work)
    assert [k[0].display for k in work.calls] == ["a", "b", "c"]


def test_a_read_keeps_only_its_members_and_a_moved_anchor_classifies_again() -> None:
    memo, work, anchors = ClassifiedMemo(10), Work(), (object(), object())
    first = memo.all("g", anchors, keys("a", "b"), work)
    again = memo.all("g", anchors, keys("b", "a"), work)
    assert again == first[::-1] and len(work.calls) == 2
    memo.all("g", anchors, keys("a"), work)  # b left
    memo.all("g", anchors, keys("a", "b"), work)  # b is back: classified again
    assert [k[0].display for k in work.calls] == ["a", "b", "b"]
    memo.all("g", (anchors[0], object()), keys("a"), work)  # e.g. the policy replaced
    assert [k[0].display for k in work.calls] == ["a", "b", "b", "a"]


def test_members_classified_alone_are_kept_up_to_the_bound() -> None:
    memo, work, anchors = ClassifiedMemo(1), Work(), (object(),)
    (a,), (b,) = keys("a"), keys("b")
    for key in (a, a, b, b):
        memo.one("g", anchors, key, lambda key=key: work(key))  # type: ignore[misc]
    assert [k[0].display for k in work.calls] == ["a", "b", "b"]  # b: beyond the bound
    memo.all("g", anchors, [a], work)
    assert len(work.calls) == 3  # a was kept
