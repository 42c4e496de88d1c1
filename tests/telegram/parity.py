"""Replay scenarios on Telegram: the same company, groups and timeline, played through the
real aiogram Bot and Dispatcher against the fake Bot API, and reported like `qunguan replay`.

How WeChat things map to Telegram:
- a person with a contact remark is one Telegram user (authority comes from their user id);
  people without one are users keyed by their scenario id;
- a group is a supergroup; `bot_role: owner` or `admin` is a bot administrator with every
  right (a bot cannot own a group), `member` a plain member; members' `role` become Telegram's;
- a display name is the user's name, or their member tag where it differs per group; a
  `rename` is a new tag, reported by a chat_member update;
- `@name` in a message becomes a text mention where exactly one member shows that name (what
  a Telegram client writes when one picks a member); otherwise it stays typed text;
- Telegram cannot list members: the bot starts having seen every member of the scenario's
  groups, as a bot that has been running for a while has.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiogram.types import User

from adapters.sim.report import groups_report
from adapters.sim.scenario import (
    DirectIn,
    JoinIn,
    LeaveIn,
    MessageIn,
    RenameIn,
    RosterOpIn,
    Scenario,
    Step,
    roster_target,
    update_changes,
)
from bot.core.clock import VirtualClock
from bot.core.employees import EmployeeIn
from bot.core.events import MembersSeen
from bot.core.org import OrgConfig
from bot.core.scheduler import advance_virtual
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import Running, running, telegram_settings

TELEGRAM_ONLY = ("set_tag", "mute", "delete")
ROLES = {"owner": "creator", "admin": "administrator", "member": "member"}
# Content Telegram attaches for each message kind (the smallest valid objects).
FILE = {"file_id": "f", "file_unique_id": "u"}
KINDS: dict[str, dict[str, Any]] = {
    "voice": {"voice": FILE | {"duration": 3}},
    "image": {"photo": [FILE | {"width": 9, "height": 9}]},
    "video": {"video": FILE | {"width": 9, "height": 9, "duration": 3}},
    "file": {"document": FILE},
    "emotion": {
        "sticker": FILE
        | {"type": "regular", "width": 9, "height": 9, "is_animated": False, "is_video": False}
    },
}


class TelegramReplay:
    def __init__(self, scenario: Scenario, api: FakeBotAPI) -> None:
        self.scenario, self.api, self.world = scenario, api, api.world
        self.people: dict[str, int] = {}  # person key → user id
        self.remarks: dict[str, str] = {}  # user id → remark (report `to` fields)
        self.chats: dict[str, int] = {}  # group name → chat id
        self.ids: dict[tuple[str, str], int] = {}  # (group, scenario member id) → user id
        self.skipped: list[dict[str, Any]] = []
        api.reads_all = True  # privacy mode off: member bots see every message, as on WeChat
        self._build()

    # -- the world and the config ----------------------------------------------------------------

    def person(self, name: str, remark: str | None, member_id: str) -> int:
        key = f"remark:{remark}" if remark else f"id:{member_id}"
        if key not in self.people:
            uid = self.world.user(name)["id"]
            self.people[key] = uid
            if remark:
                self.remarks[str(uid)] = remark
        return self.people[key]

    def _build(self) -> None:
        spec, bot = self.scenario.spec, self.world.bot["id"]
        self.world.bot["first_name"] = spec.org.bot
        for index, group in enumerate(spec.groups):
            chat = self.world.chat(-1001000000000 - index, group.name)
            self.chats[group.name] = chat.id
            role = "administrator" if group.bot_role in ("owner", "admin") else "member"
            self.world.set_member(chat.id, bot, role)
            for m in group.members:
                uid = self.person(m.name, m.remark, m.member_id)
                self.ids[group.name, m.member_id] = uid
                self._show(chat.id, uid, m.name, ROLES[m.role])
        for remark in [*spec.org.admins, *(a for g in spec.groups for a in g.admins)]:
            self.world.started.add(self.person(remark, remark, remark))

    def _show(
        self, chat: int, uid: int, display: str, status: str = "member"
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """`uid` is in `chat` showing `display`: their name, else a tag there."""
        tag = None if self.world.users[uid]["first_name"] == display else display
        title = {"custom_title": tag} if status == "administrator" else {"tag": tag}
        return self.world.set_member(chat, uid, status, **(title if tag else {}))

    def config(self) -> OrgConfig:
        spec = self.scenario.spec
        ids = lambda remarks: [str(self.person(r, r, r)) for r in remarks]  # noqa: E731
        org = spec.org.model_dump(exclude={"roster", "roster_file"}) | {
            "admins": ids(spec.org.admins)
        }
        groups = [
            g.model_dump(exclude={"members", "id"})
            | {"id": str(self.chats[g.name]), "admins": ids(g.admins)}
            for g in spec.groups
        ]
        return OrgConfig.model_validate({"timezone": spec.timezone, "org": org, "groups": groups})

    # -- running -----------------------------------------------------------------------------

    @asynccontextmanager
    async def run(self, database_url: str, data_dir: Path):
        clock = VirtualClock(self.scenario.spec.start)
        settings = telegram_settings(self.api, database_url, data_dir, locale="zh_CN")
        roster = list(self.scenario.roster)
        async with running(self.api, settings, self.config(), roster, clock=clock) as bot:
            await self._seen_before(bot)
            yield bot, clock

    async def _seen_before(self, bot: Running) -> None:
        runtime = bot.telegram.runtime
        for chat in self.chats.values():
            code = str(chat)
            views = []
            for uid, member in self.world.chats[chat].members.items():
                runtime.directory.join(code, uid)
                tag = member.get("tag") or member.get("custom_title")
                runtime.directory.set_tag(code, uid, tag)
                views.append(runtime.view(code, User.model_validate(member["user"])))
            await runtime.feed(MembersSeen(code, tuple(views)))

    async def play(self, database_url: str, data_dir: Path) -> dict[str, Any]:
        async with self.run(database_url, data_dir) as (bot, clock):
            scheduler = bot.telegram.app.scheduler
            for step in self.scenario.steps:  # the simulator's order: see adapters/sim/replay
                await advance_virtual(clock, scheduler, step.at, due_then=False)
                self.world.now = step.at
                await self._apply(bot, step)
                await bot.settle()
                await scheduler.run_due(step.at)
                await bot.settle()
            return await self.report(bot)

    async def _apply(self, bot: Running, step: Step) -> None:
        event = step.event
        match event:
            case MessageIn():
                uid = self._present(step, event.group)
                if uid is not None:
                    self._say(event.group, uid, event.text, event.kind)
            case DirectIn():
                uid = self.person(event.sender, event.sender, event.sender)
                self.api.push({"message": self.world.message(uid, uid, event.text)})
            case JoinIn():
                m = event.member
                uid = self.person(m.name, m.remark, m.member_id)
                self.ids[event.group, m.member_id] = uid
                by = self._inviter(event.group, event.inviter) or uid
                self._membership(event.group, uid, m.name, ROLES[m.role], by)
            case RenameIn():
                uid = self._present(step, event.group)
                if uid is not None:
                    status = self.world.chats[self.chats[event.group]].status(uid)
                    self._membership(event.group, uid, event.to, status, uid)
            case LeaveIn():
                uid = self._present(step, event.group)
                if uid is not None:
                    self._membership(event.group, uid, None, "left", uid)
            case RosterOpIn():
                await self._roster(bot, event)

    def _present(self, step: Step, group: str) -> int | None:
        uid = self.ids.get((group, step.member_id or ""))
        if uid is None or not self.world.chats[self.chats[group]].present(uid):
            self.skipped.append({"event": step.index, "reason": "member_removed_by_bot"})
            return None
        return uid

    def _inviter(self, group: str, display: str | None) -> int | None:
        found = self._showing(self.chats[group], display) if display else []
        return found[0] if len(found) == 1 else None

    def _showing(self, chat: int, display: str) -> list[int]:
        return [
            uid
            for uid in self.world.chats[chat].members
            if self.world.chats[chat].present(uid) and self._display(chat, uid) == display
        ]

    def _membership(self, group: str, uid: int, display: str | None, status: str, by: int):
        """A join, rename or leave, as Telegram reports it to this bot."""
        chat = self.chats[group]
        if display is None:
            old, new = self.world.set_member(chat, uid, status)
        else:
            old, new = self._show(chat, uid, display, status)
        bot_admin = self.world.chats[chat].status(self.world.bot["id"]) == "administrator"
        if bot_admin:  # chat_member updates reach administrators only
            self.api.push(self.world.member_update(chat, old, new, by=by))
        elif status == "left":
            line = self.world.message(chat, uid, None, left_chat_member=self.world.users[uid])
            self.api.push({"message": line})
        elif old["status"] in ("left", "kicked"):
            user = self.world.users[uid]
            self.api.push({"message": self.world.message(chat, by, None, new_chat_members=[user])})

    def _say(self, group: str, uid: int, text: str, kind: str) -> None:
        chat = self.chats[group]
        typed, mentions = self._mentions(chat, text)
        message = self.world.message(
            chat, uid, typed or None, mentions=tuple(mentions), **KINDS.get(kind, {})
        )
        self.api.push({"message": message})

    def _mentions(self, chat: int, text: str) -> tuple[str, list[int]]:
        """`@name` → `name` with a text mention where one member shows it (longest first)."""
        members = self.world.chats[chat].members
        names = sorted({self._display(chat, u) for u in members}, key=len, reverse=True)
        out, mentions, i = [], [], 0
        while i < len(text):
            if text[i] == "@" and (i == 0 or text[i - 1].isspace()):
                name = next((n for n in names if _starts(text, i + 1, n)), None)
                who = self._showing(chat, name) if name else []
                if name and len(who) == 1:
                    out.append(name)
                    mentions.append(who[0])
                    i += 1 + len(name)
                    continue
            out.append(" " if text[i] == "\u2005" else text[i])
            i += 1
        return "".join(out), mentions

    def _display(self, chat: int, uid: int) -> str:
        m = self.world.chats[chat].members[uid]
        return m.get("tag") or m.get("custom_title") or m["user"]["first_name"]

    async def _roster(self, bot: Running, event: RosterOpIn) -> None:
        roster = bot.services.roster
        if event.op == "add":
            await roster.add(EmployeeIn.model_validate(event.employee))
            return
        entries = await roster.entries()
        rows = [(entry.name, entry.department) for entry in entries]
        entry = entries[roster_target(rows, event.employee, "e")]
        if event.op == "depart":
            changes: dict[str, Any] = {"status": "departed"}
        else:
            changes = update_changes((entry.name, entry.department), event)
        await roster.change(entry.id, changes)

    # -- the report, as `qunguan replay --json` writes it ---------------------------------------

    async def report(self, bot: Running) -> dict[str, Any]:
        tz = self.scenario.tz
        actions: list[dict[str, Any]] = []
        written: list[dict[str, Any]] = []
        for logged in await bot.services.action_log.took_effect():
            entry = {"at": logged.at.astimezone(tz).isoformat(), **logged.payload}
            if "to" in entry:
                entry["to"] = self.remarks.get(entry["to"], entry["to"])
            if entry["action"] in TELEGRAM_ONLY:
                written.append(entry)  # WeChat has no such action: reported apart
            else:
                actions.append({"seq": len(actions) + 1, **entry})
        groups = await groups_report(bot.services)
        report = {"actions": actions, "groups": groups, "telegram_only": written}
        return report | ({"skipped": self.skipped} if self.skipped else {})


def _starts(text: str, at: int, name: str) -> bool:
    end = at + len(name)
    return text.startswith(name, at) and (end == len(text) or text[end].isspace())
