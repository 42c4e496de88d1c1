"""The start-up preflight: the bot's own rights in each chat, as capabilities and as a plain
report, so nothing fails later by surprise."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram.types import ChatMemberAdministrator, ChatMemberMember, ChatMemberRestricted, User

from adapters.telegram.rights import assess
from bot.core.capabilities import Capability as C
from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import running, telegram_settings
from tests.telegram.world import ADMIN_RIGHTS, PERMISSIONS

BOT = User(id=1, is_bot=True, first_name="bot")
NOT_ADMIN = [(what, "not_admin") for what in ("remove", "mute", "delete", "tag", "notice")]


def admin(**rights: bool) -> ChatMemberAdministrator:
    fields = dict.fromkeys(ADMIN_RIGHTS, True) | rights
    return ChatMemberAdministrator.model_validate(
        {"user": BOT, "can_be_edited": False, "is_anonymous": False, **fields}
    )


@pytest.mark.parametrize(
    ("member", "chat_type", "reads_all", "caps", "gaps"),
    [
        (
            admin(),
            "supergroup",
            False,
            {C.REMOVE, C.MUTE, C.DELETE_MESSAGE, C.SET_MEMBER_TAG, C.SET_NOTICE},
            [],
        ),
        (
            admin(can_manage_tags=False),
            "supergroup",
            False,
            {C.REMOVE, C.MUTE, C.DELETE_MESSAGE, C.SET_NOTICE},
            [("tag", "no_right")],
        ),
        (
            admin(),
            "group",
            False,
            {C.REMOVE, C.DELETE_MESSAGE, C.SET_MEMBER_TAG, C.SET_NOTICE},
            [("mute", "basic_group")],
        ),
        (
            ChatMemberMember(user=BOT),
            "supergroup",
            False,
            set(),
            [*NOT_ADMIN, ("read", "privacy"), ("updates", "not_admin")],
        ),
        (
            ChatMemberRestricted.model_validate(
                {"user": BOT, "until_date": 0, "is_member": True}
                | dict.fromkeys(PERMISSIONS, False)
            ),
            "supergroup",
            True,
            set(),
            [("send", "restricted"), ("file", "restricted"), *NOT_ADMIN, ("updates", "not_admin")],
        ),
    ],
    ids=["full-admin", "no-tag-right", "basic-group", "member", "restricted"],
)
def test_rights_become_capabilities_and_reasons(member, chat_type, reads_all, caps, gaps) -> None:
    rights = assess("-1", "t", chat_type, member, reads_all)
    powers = {C.REMOVE, C.MUTE, C.DELETE_MESSAGE, C.SET_MEMBER_TAG, C.SET_NOTICE}
    assert rights.capabilities & powers == caps
    assert rights.capabilities >= {C.DIRECT, C.VERIFY_IDENTITY}  # never LIST_MEMBERS
    assert C.LIST_MEMBERS not in rights.capabilities
    assert [(g.what, g.why) for g in rights.gaps] == gaps


async def test_the_report_says_what_the_bot_cannot_do_and_why(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api, bot_rights={"can_manage_tags": False})
    basic = api.world.chat(-5001, "老群", type="group")
    api.world.set_member(basic.id, api.world.bot["id"], "administrator")
    plain = api.world.chat(-1003, "兴趣群")
    api.world.set_member(plain.id, api.world.bot["id"], "member")
    api.world.started.clear()  # the org admin never opened a private chat with the bot
    governed = config(people)
    for code, name in ((basic.id, "老群"), (plain.id, "兴趣群"), (-1009, "没加入的群")):
        governed.groups.append(
            governed.groups[0].model_copy(update={"id": str(code), "name": name})
        )
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, governed, ROSTER) as bot:
        report = "\n".join(bot.telegram.runtime.report)
        assert (
            f'全员群 (chat {CHAT}, "全员群"): can send messages, send files, remove members, '
            "mute members, delete messages, pin announcements\n"
        ) in report
        assert (
            'cannot write member tags: the bot\'s administrator rights lack "can_manage_tags"'
            in report
        )
        assert "cannot mute members: this is a basic group; upgrade it to a supergroup" in report
        assert "cannot remove members: the bot is not an administrator here" in report
        assert "cannot see ordinary messages (content rules): privacy mode is on" in report
        assert "cannot act in this chat at all: the bot is not in this chat" in report
        assert f"cannot write privately to org admin {people.chen['id']}" in report
        adapter = bot.telegram.adapter
        assert C.REMOVE not in adapter.capabilities(str(plain.id))
        assert adapter.capabilities("-1009") == frozenset()
        # Where it cannot remove, /kick asks the admins to do it: no ban is even tried.
        api.world.set_member(plain.id, people.li4["id"], "member")
        api.world.set_member(plain.id, people.stranger["id"], "member")
        kick = api.world.message(
            plain.id, people.li4["id"], "/kick 陌生人", mentions=(people.stranger["id"],)
        )
        api.push({"message": kick})
        await bot.settle()
        assert api.moderation() == []
        (alert,) = await bot.actions(group_code=str(plain.id), action="send")
        assert alert["kind"] == "action_failed"
        assert "行政人事部-李四" in alert["mentions"]


async def test_a_demoted_bot_declares_its_new_rights_at_once(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        assert C.REMOVE in bot.telegram.adapter.capabilities(str(CHAT))
        old, new = api.world.set_member(CHAT, api.world.bot["id"], "member")
        api.push(api.world.member_update(CHAT, old, new, by=people.owner["id"]))
        kick = api.world.message(
            CHAT, people.li4["id"], "/kick 陌生人", mentions=(people.stranger["id"],)
        )
        api.push({"message": kick})
        await bot.settle()
        assert C.REMOVE not in bot.telegram.adapter.capabilities(str(CHAT))
        assert api.moderation() == []  # not tried: the admins are asked instead
        assert (await bot.actions())[-1]["kind"] == "action_failed"
