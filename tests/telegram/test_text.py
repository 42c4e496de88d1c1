"""Telegram text: UTF-16 offsets, outgoing mentions, long messages split, and commands
addressed to this bot or another."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adapters.telegram.convert import addressed
from adapters.telegram.text import Mark, index_of, split, utf16_len, with_mentions


def _slice(text: str, offset: int, length: int) -> str:
    """What Telegram highlights: `length` UTF-16 units from `offset`."""
    units = text.encode("utf-16-le")
    return units[offset * 2 : (offset + length) * 2].decode("utf-16-le")


def test_mentions_mark_the_name_where_it_appears_or_before_the_text() -> None:
    text, marks = with_mentions("😀 张三 is warned (1/2)", [("张三", 7), ("李四", 8)])
    assert text == "@李四\n😀 张三 is warned (1/2)"
    assert [(_slice(text, m.offset, m.length), m.user_id) for m in marks] == [
        ("李四", 8),
        ("张三", 7),
    ]


def test_two_members_sharing_a_name_are_both_mentioned() -> None:
    text, marks = with_mentions("小李 → 财务部-小李", [("小李", 1), ("小李", 2)])
    assert sorted((_slice(text, m.offset, m.length), m.user_id) for m in marks) == [
        ("小李", 1),
        ("小李", 2),
    ]


def test_long_messages_are_cut_at_line_ends_and_keep_their_marks() -> None:
    lines = [f"第{n}行 {'字' * 30}" for n in range(300)]
    text, marks = with_mentions("\n".join(lines), [("第299行", 5)])
    chunks = split(text, marks)
    assert len(chunks) > 1
    assert all(utf16_len(chunk) <= 4096 for chunk, _ in chunks)
    assert "\n".join(chunk for chunk, _ in chunks) == text
    last, inside = chunks[-1]
    assert [_slice(last, m.offset, m.length) for m in inside] == ["第299行"]


@given(st.text(min_size=1, max_size=300), st.integers(min_value=2, max_value=50))
def test_split_loses_nothing_but_spacing_at_the_cuts(text: str, limit: int) -> None:
    chunks = [chunk for chunk, _ in split(text, [], limit=limit)]
    assert all(0 < utf16_len(chunk) <= limit for chunk in chunks)
    assert "".join("".join(chunks).split()) == "".join(text.split())


@given(st.text(max_size=60))
def test_utf16_offsets_round_trip(text: str) -> None:
    for index in range(len(text) + 1):
        assert index_of(text, utf16_len(text[:index])) == index


def test_marks_inside_a_chunk_are_counted_from_it() -> None:
    chunks = split("aaaa\n\nbb😀cc", [Mark(8, 2, 1)], limit=6)
    assert [(c, [(m.offset, m.length) for m in ms]) for c, ms in chunks] == [
        ("aaaa", []),
        ("bb😀cc", [(2, 2)]),
    ]


def test_commands_are_for_this_bot_unless_addressed_elsewhere() -> None:
    def text(line: str) -> str | None:
        found = addressed(line, "qunguan_bot")
        return found.text if found is not None else None

    assert text("/kick@Qunguan_Bot @x 刷屏") == "/kick @x 刷屏"
    assert text("/kick@other_bot @x") is None
    assert text("/kick @x") == "/kick @x"
    assert text("hello@example.com") == "hello@example.com"
