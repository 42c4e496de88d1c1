"""`@display name` mentions against the current members."""

from __future__ import annotations

from bot.commands.mentions import MAX_MENTIONS, parse_mentions
from bot.core.members import MemberView

MEMBERS = [
    MemberView("张三"),
    MemberView("张三丰"),
    MemberView("Lily Wang"),
    MemberView("Lily"),
    MemberView("小李"),
    MemberView("小李"),
]


def names(found: list[list[MemberView]]) -> list[str]:
    return [group[0].display for group in found]


def test_wechat_separator_and_plain_space() -> None:
    parsed = parse_mentions("@张三\u2005发广告", MEMBERS)
    assert names(parsed.resolved) == ["张三"] and parsed.rest == "发广告"
    parsed = parse_mentions("@张三 发广告", MEMBERS)
    assert names(parsed.resolved) == ["张三"] and parsed.rest == "发广告"


def test_longest_name_first() -> None:
    assert names(parse_mentions("@张三丰 迟到", MEMBERS).resolved) == ["张三丰"]
    assert names(parse_mentions("@Lily Wang 财务部-李四", MEMBERS).resolved) == ["Lily Wang"]
    parsed = parse_mentions("@Lily 财务部-李四", MEMBERS)
    assert names(parsed.resolved) == ["Lily"] and parsed.rest == "财务部-李四"


def test_a_name_must_end_at_a_separator() -> None:
    # "@张三四" is not 张三 followed by 四.
    parsed = parse_mentions("@张三四 x", MEMBERS)
    assert parsed.resolved == [] and parsed.unresolved == ["张三四"]


def test_duplicate_display_names_are_ambiguous() -> None:
    parsed = parse_mentions("@小李", MEMBERS)
    assert len(parsed.resolved) == 1 and len(parsed.resolved[0]) == 2


def test_email_addresses_are_not_mentions() -> None:
    parsed = parse_mentions("联系 a@张三 或 x@y.com", MEMBERS)
    assert parsed.resolved == [] and parsed.unresolved == []


def test_several_mentions_and_text_between() -> None:
    parsed = parse_mentions("@张三 和 @张三丰 一起", MEMBERS)
    assert names(parsed.resolved) == ["张三", "张三丰"] and parsed.rest == "和 一起"


def test_exact_names_are_told_apart_from_look_alikes() -> None:
    members = [MemberView("财务部-王芳"), MemberView("财务部－王芳"), MemberView("X1")]
    parsed = parse_mentions("@财务部－王芳\u2005冒充", members)
    assert [m.display for m in parsed.resolved[0]] == ["财务部－王芳"] and not parsed.lookalikes
    parsed = parse_mentions("@财务部—王芳 冒充", members)  # an em dash: nobody's name
    assert parsed.resolved == []
    assert {m.display for m in parsed.lookalikes[0].members} == {"财务部-王芳", "财务部－王芳"}
    parsed = parse_mentions("@Ｘ①", members)  # looks like X1, is not X1
    assert parsed.resolved == [] and [m.display for m in parsed.lookalikes[0].members] == ["X1"]


def test_a_longer_look_alike_refuses_the_shorter_exact_name() -> None:
    # "@Lily Wang" may mean Ｌｉｌｙ Ｗａｎｇ (typed half-width) or Lily with reason "Wang".
    members = [MemberView("Lily"), MemberView("Ｌｉｌｙ Ｗａｎｇ")]
    parsed = parse_mentions("@Lily Wang 财务部-李四", members)
    assert parsed.resolved == []
    assert {m.display for m in parsed.lookalikes[0].members} == {"Lily", "Ｌｉｌｙ Ｗａｎｇ"}
    # With WeChat's separator the mention ends where it says.
    parsed = parse_mentions("@Lily\u2005Wang", members)
    assert names(parsed.resolved) == ["Lily"]


def test_a_long_message_costs_bounded_work() -> None:
    members = [MemberView(f"成员{i}") for i in range(500)]
    parsed = parse_mentions("@" + "x " * 50_000, members)
    assert parsed.unresolved == ["x"]
    # Each @ costs a look-alike search: past the limit the rest is refused unread (0.1 s
    # measured for this text; searching every @ took 19 s).
    parsed = parse_mentions("@x " * 3_000 + "@ " * 3_000, members)
    assert len(parsed.unresolved) == MAX_MENTIONS + 1
