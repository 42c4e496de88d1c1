"""The public parser over every system-line form in the research doc."""

from __future__ import annotations

import pytest

from adapters.wechat.system_messages import KINDS, parse

FORMS = [
    ('"张三"邀请"李四"加入了群聊', "join", "张三", ["李四"]),
    ('"张三"邀请"李四、王五"加入了群聊', "join", "张三", ["李四", "王五"]),
    ('你邀请"李四"加入了群聊  撤销', "join", None, ["李四"]),
    ('你邀请"李四"加入了群聊 $revoke$', "join", None, ["李四"]),
    ('"张三"邀请你加入了群聊，群聊参与人还有：李四、王五', "bot_joined", "张三", ["李四", "王五"]),
    ('"张三"邀请你和"李四"加入了群聊', "bot_joined", "张三", ["李四"]),
    ('"李四"通过扫描"张三"分享的二维码加入群聊', "join", "张三", ["李四"]),
    ('" 李四"通过扫描"张三"分享的二维码加入群聊', "join", "张三", ["李四"]),
    ('"李四"通过扫描你分享的二维码加入群聊', "join", None, ["李四"]),
    ('"李四"通过"张三"的邀请二维码加入群聊', "join", "张三", ["李四"]),
    ('"李四"加入了群聊', "join", None, ["李四"]),
    ("你通过扫描二维码加入群聊，群聊参与人还有：张三", "bot_joined", None, []),
    ('你将"李四"移出了群聊', "removed_by_bot", None, ["李四"]),
    ('你被"张三"移出群聊', "bot_removed", "张三", []),
    ('"张三"修改群名为“财务部工作群”', "group_renamed", "张三", ["财务部工作群"]),
    ("你修改群名为“财务部工作群”", "group_renamed", None, ["财务部工作群"]),
    ('"张三" 撤回了一条消息', "recall", "张三", []),
    ("你撤回了一条消息", "recall", None, []),
    ('"张三" 拍了拍 "李四"', "pat", "张三", ["李四"]),
    ('"张三" 拍了拍我', "pat", "张三", []),
    ('你拍了拍"李四"的肩膀', "pat", None, ["李四"]),
    # names with quotes inside, and text after the sentence
    ('"A"B"邀请"C"D"加入了群聊', "join", 'A"B', ['C"D']),
    ('你将"小"明""移出了群聊 撤销', "removed_by_bot", None, ['小"明"']),
    (
        '"销售-王五"邀请"财务部-张三"加入了群聊，可以开始聊天了',
        "join",
        "销售-王五",
        ["财务部-张三"],
    ),
]


@pytest.mark.parametrize(("text", "kind", "actor", "targets"), FORMS)
def test_every_form(text: str, kind: str, actor: str | None, targets: list[str]) -> None:
    line = parse(text)
    assert line is not None
    assert (line.kind, line.actor, line.targets) == (kind, actor, targets)
    assert line.kind in KINDS


def test_qr_joins_say_so() -> None:
    assert parse('"李四"通过扫描"张三"分享的二维码加入群聊').via == "qrcode"  # type: ignore[union-attr]
    assert parse('"张三"邀请"李四"加入了群聊').via == "invite"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "大家好",
        '他说"张三"邀请"李四"加入了群聊，是真的吗',
        '转发：你将"李四"移出了群聊',
        '> "张三"修改群名为“X”',
        "谁撤回了一条消息？",
        "我们加入了群聊吧",
        "小明拍了拍桌子",
        '"张三"邀请你加入群聊财务群，进入可查看详情。',  # an invitation card: nobody joined yet
        "",
    ],
)
def test_ordinary_lines_and_quotes_are_not_system_lines(text: str) -> None:
    assert parse(text) is None
