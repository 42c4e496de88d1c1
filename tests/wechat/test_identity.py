"""Who sent a line on WeChat 4.x (issue 10, finding 11), against fakes shaped like the wheels:
the WeChat ID from the sender's profile card as their account (kept per name; read again after
a rename, a member-count change or `profile_max_age`), authority only from a fresh read, and
the libraries' refusals (wxauto4's listen locks, wxautox4's notice) handled as what they are."""

from __future__ import annotations

import pytest

from adapters.wechat.connection import Connection
from adapters.wechat.driver import Refused
from adapters.wechat.drivers import load_driver
from bot.core.actions import Notice
from bot.storage.models import Warning
from tests.wechat.conftest import ADMIN, VirtualTime, make_config, people
from tests.wechat.fake_libs import library
from tests.wechat.fake_world import Person, World


def four_x(world: World, lib: str = "wxautox4") -> dict:
    world.add_group("工作群", people())
    return make_config([{"name": "工作群"}], wechat={"library": lib})


def reads(world: World) -> int:
    return world.faults.calls["sender_info"]


async def test_a_names_account_is_read_once_and_again_after_a_rename(
    world: World, harness
) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        wang = world.person("工作群", "王五")
        world.post("工作群", wang, "早")
        world.post("工作群", wang, "今天开会吗")
        await h.settle()
        assert [e.sender.account for e in h.seen] == ["wxid_wangwu"] * 2
        assert reads(world) == 1  # one profile card per name, not per line
        wang.label = "销售部-王五"  # renamed: the new name is read, the old one let go
        world.post("工作群", wang, "改好了")
        await h.settle()
        assert (h.seen[-1].sender.display, h.seen[-1].sender.account) == (
            "销售部-王五",
            "wxid_wangwu",
        )
        other = Person("王五", "wxid_someone_else")  # another member takes the free name
        world.groups["工作群"].people.append(other)
        world.post("工作群", other, "我也叫王五")
        await h.settle()
        assert h.seen[-1].sender.account == "wxid_someone_else"
        assert reads(world) == 3


async def test_a_member_count_change_or_age_makes_names_read_again(world: World, harness) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        loop = h.adapter.bound.loop
        await loop.poll_once()  # the first count
        wang = world.person("工作群", "王五")
        world.post("工作群", wang, "早")
        await h.settle()
        await loop.poll_once()  # unchanged: nothing forgotten
        world.post("工作群", wang, "早")
        await h.settle()
        assert reads(world) == 1
        world.groups["工作群"].people.append(Person("王五", "wxid_quiet_joiner"))  # no line
        await loop.poll_once()
        assert world.faults.calls["ChatInfo"] == 3  # 4.x reads the count too
        world.post("工作群", wang, "早")
        await h.settle()
        assert reads(world) == 2
        h.time.t += h.adapter.section.profile_max_age.total_seconds() + 1
        world.post("工作群", wang, "早")
        await h.settle()
        assert reads(world) == 3
        assert {e.sender.account for e in h.seen} == {"wxid_wangwu"}


async def test_authority_is_read_afresh_for_every_privileged_command(
    world: World, harness
) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        li = world.person("工作群", "李四")
        world.post("工作群", world.person("工作群", "陌生人"), "大家好")
        world.post("工作群", li, "大家好")  # li's name and ID are now kept
        world.post("工作群", li, "/warn @陌生人 广告")
        await h.settle()
        assert reads(world) == 3  # two names, then a fresh read for the command
        li.wxid = "wxid_not_the_admin"  # someone else behind the same name now
        world.post("工作群", li, "/warn @陌生人 再次")
        await h.settle()
        assert reads(world) == 4
        assert await Warning.filter(display="陌生人").count() == 1
        assert [r.kind for r in await h.records(kind="command_denied")] == ["command_denied"]


@pytest.mark.parametrize(
    ("setup", "says"),
    [
        ({"foreign_listener": True}, "another process"),
        ({"loose_windows": 1}, "close every WeChat chat window"),
    ],
)
async def test_wxauto4_listen_refusals_are_reported_not_retried(
    world: World, setup: dict, says: str
) -> None:
    world.add_group("工作群", people())
    for name, value in setup.items():
        setattr(world, name, value)
    driver = load_driver("wxauto4", library("wxauto4", world))
    time = VirtualTime()
    conn = Connection(driver, attempts=4, backoff=0.5, call_limit=5, sleep=time.sleep, init=None)
    try:
        with pytest.raises(Refused, match=says):
            await conn.connect(lambda: conn.call(driver.listen, "工作群", lambda msg: None))
        assert world.faults.calls["AddListenChat"] == 1  # no blind retries
        assert not conn.up
    finally:
        conn.close()


def test_the_fakes_have_what_the_wheels_have(world: World) -> None:
    for name in ("wxautox", "wxauto4", "wxautox4"):
        wechat = library(name, world).WeChat
        assert hasattr(wechat, "IsOnline")
        assert hasattr(wechat, "KeepRunning") is (name != "wxauto4")


@pytest.mark.parametrize(
    ("role", "missing_dialog", "reason", "says"),
    [
        ("member", False, "no_rights", "不可修改群公告"),
        ("owner", True, "notice_not_set", "未找到群公告框体"),
    ],
)
async def test_wxautox4_notice_refusals(
    world: World, harness, role: str, missing_dialog: bool, reason: str, says: str
) -> None:
    world.add_group("工作群", people(), bot_role=role)
    world.notice_dialog_missing = missing_dialog
    config = make_config([{"name": "工作群", "bot_role": "owner"}], wechat={"library": "wxautox4"})
    async with harness("wxautox4", config) as h:
        outcome = await h.adapter.execute(Notice("工作群", "本周五团建"))
        assert (outcome.ok, outcome.reason) == (False, reason)
        assert says in outcome.detail
        assert world.groups["工作群"].notice == ""


async def test_a_copy_of_an_admins_name_is_never_the_admin(world: World, harness) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        li = world.person("工作群", "李四")  # an org admin (by WeChat ID)
        copycat = Person("李四", "wxid_copycat")
        world.groups["工作群"].people.append(copycat)
        world.post("工作群", li, "大家好")
        world.post("工作群", copycat, "刷单返利，加我")  # at once: the name is read again
        world.post("工作群", li, "别理他")
        await h.settle()
        senders = [(e.sender.identity, e.sender.account) for e in h.seen]
        assert senders == [
            (ADMIN, ADMIN),
            (None, "wxid_copycat"),  # not protected as the admin, not charged to the admin
            (ADMIN, ADMIN),
        ]
        assert reads(world) == 3
        assert await Warning.filter(display="李四").count() == 1


async def test_a_joiner_or_a_shared_name_is_read_at_its_lines(world: World, harness) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        wang = world.person("工作群", "王五")
        world.post("工作群", wang, "早")
        await h.settle()
        namesake = Person("王五", "wxid_wangwu_2")
        world.join("工作群", namesake, inviter="李四")  # the join line: names are read again
        world.post("工作群", namesake, "大家好，我是新来的王五")
        world.post("工作群", wang, "欢迎")  # read again: two IDs were read under 王五
        world.post("工作群", namesake, "谢谢")
        await h.settle()
        accounts = [e.sender.account for e in h.seen]
        assert accounts == ["wxid_wangwu", "wxid_wangwu_2", "wxid_wangwu", "wxid_wangwu_2"]
        assert reads(world) == 4


async def test_profile_max_age_zero_reads_every_line(world: World, harness) -> None:
    config = four_x(world)
    config["wechat"]["profile_max_age"] = "0s"
    async with harness("wxautox4", config) as h:
        wang = world.person("工作群", "王五")
        for text in ("一", "二", "三"):
            world.post("工作群", wang, text)
        await h.settle()
        assert reads(world) == 3


async def test_a_card_that_cannot_be_read_keeps_the_name_on_its_known_id(
    world: World, harness
) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        wang = world.person("工作群", "王五")
        age = h.adapter.section.profile_max_age.total_seconds() + 1
        world.faults.forced["sender_info"] = 1  # the first card does not open
        world.post("工作群", wang, "早")
        await h.settle()
        forgotten = []
        members = h.app.services.members
        real_forget = members.forget

        async def forget(group, member):
            forgotten.append(member.key)
            await real_forget(group, member)

        members.forget = forget
        h.time.t += age  # the failed try is stale: the next line tries again, and reads it
        world.post("工作群", wang, "早")
        await h.settle()
        # The name-only record of the first line was this member's: forgotten (not a leave),
        # so one record stays, under the ID.
        assert forgotten == ["name:王五"]
        group = h.app.services.groups["工作群"]
        assert [(m.display, m.account) for m in await members.read(group)] == [
            ("王五", "wxid_wangwu")
        ]
        h.time.t += age
        world.faults.forced["sender_info"] = 1  # a card fails later: the ID read before holds
        world.post("工作群", wang, "早")
        await h.settle()
        assert [e.sender.account for e in h.seen] == [None, "wxid_wangwu", "wxid_wangwu"]
        assert forgotten == ["name:王五"]


async def test_a_joiner_goes_on_under_their_id_once_their_card_is_read(
    world: World, harness
) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        members = h.app.services.members
        forgotten = []
        real_forget = members.forget

        async def forget(group, member):
            forgotten.append(member.key)
            await real_forget(group, member)

        members.forget = forget
        world.join("工作群", Person("新人", "wxid_newcomer"), inviter="李四")
        await h.settle()
        assert forgotten == []  # the join line has no card: the joiner is known by name
        world.post("工作群", world.person("工作群", "新人"), "大家好")
        await h.settle()
        assert forgotten == ["name:新人"]  # dropped silently, not a leave
        group = h.app.services.groups["工作群"]
        views = [m for m in await members.read(group) if m.display == "新人"]
        assert [m.account for m in views] == ["wxid_newcomer"]
