"""A small company on the fake Telegram: one supergroup where the bot is a full admin, the
people in it, and the config file that governs it (chat id, admins by user id)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.config_file import StrictOrgConfig
from bot.core.employees import EmployeeIn
from tests.telegram.fake_api import FakeBotAPI

CHAT = -1001000000001
ROSTER = [
    EmployeeIn(name="张三", department="财务部"),
    EmployeeIn(name="李四", department="行政人事部"),
    EmployeeIn(name="王芳", department="财务部"),
    EmployeeIn(name="陈静", department="总裁办"),
]


@dataclass
class People:
    li4: dict[str, Any]  # the group's command admin, by user id in the config
    chen: dict[str, Any]  # an org-wide admin
    owner: dict[str, Any]  # the chat's creator (a Telegram admin, not in the config)
    xiaozhang: dict[str, Any]  # 张三, not yet named as the roster says
    stranger: dict[str, Any]  # not on the roster
    impostor: dict[str, Any]  # shows the admin's name, is someone else


def company(api: FakeBotAPI, *, bot_rights: dict[str, bool] | None = None) -> People:
    w = api.world
    people = People(
        li4=w.user("行政人事部-李四", username="li_si_hr"),
        chen=w.user("陈静"),
        owner=w.user("王总"),
        xiaozhang=w.user("小张"),
        stranger=w.user("陌生人", username="stranger_x"),
        impostor=w.user("行政人事部-李四"),
    )
    w.chat(CHAT, "全员群")
    w.set_member(CHAT, w.bot["id"], "administrator", **(bot_rights or {}))
    w.set_member(CHAT, people.owner["id"], "creator")
    for person in (people.li4, people.xiaozhang, people.stranger, people.impostor):
        w.set_member(CHAT, person["id"], "member")
    w.started.add(people.chen["id"])
    return people


def config(people: People, *, policy: dict[str, Any] | None = None, **extra: Any):
    """The config file a company would write: groups by chat id, admins by user id.
    `policy` adds org-wide policy defaults (e.g. content rules)."""
    defaults = {"audit.daily_at": ""} | (policy or {})
    return StrictOrgConfig.model_validate(
        {
            "org": {"bot": "群管家", "admins": [str(people.chen["id"])], "defaults": defaults},
            "groups": [{"name": "全员群", "id": str(CHAT), "admins": [str(people.li4["id"])]}],
            **extra,
        }
    )
