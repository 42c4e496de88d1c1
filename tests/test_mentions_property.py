"""Property: a mention resolves to the members showing exactly the name typed, or to nobody
(refused), whatever look-alike names the group holds (full-width forms, circled digits,
zero-width characters, dash variants, case)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.commands.mentions import parse_mentions
from bot.core.members import MemberView
from tests.lookalikes import lookalike_names, variant

SEPARATORS = ("\u2005", " ")  # WeChat's mention separator, and what people type
REASONS = ("", "发广告", "x", "#3", "@", "王芳", "Lily")


@given(names=lookalike_names(), data=st.data())
def test_a_mention_names_exactly_the_members_typed_or_nobody(
    names: list[str], data: st.DataObject
) -> None:
    members = [MemberView(name, identity=f"id{i}") for i, name in enumerate(names)]
    shown = data.draw(st.sampled_from(names))
    typed = data.draw(st.one_of(st.just(shown), variant(shown)))
    reason = data.draw(st.sampled_from(REASONS))
    text = f"@{typed}{data.draw(st.sampled_from(SEPARATORS))}{reason}" if reason else f"@{typed}"

    parsed = parse_mentions(text, members)

    exact = [m for m in members if m.display == typed]
    for candidates in parsed.resolved:
        # Never a member whose name differs from what was typed, by a single code point.
        assert candidates == exact, (text, candidates)
    if not exact:
        assert parsed.resolved == []
        assert parsed.lookalikes or parsed.unresolved
    elif not reason:
        # Typed exactly, nothing after it: resolved, never refused.
        assert parsed.resolved == [exact] and not parsed.lookalikes
    else:
        # Typed exactly: resolved, unless the text after it makes a longer look-alike name.
        assert parsed.resolved == [exact] or [
            a for a in parsed.lookalikes if len(a.typed) > len(typed)
        ]
    for alike in parsed.lookalikes:
        assert all(m.display != alike.typed for m in alike.members if m not in exact)
