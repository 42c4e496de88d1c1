"""Who the bot has seen on Telegram: people by user id and @username, each chat's members
with their tag there, and the names they showed (so a reply can still mention someone by the
name the core knew them under, just after /rename changed it).

Telegram has no call that lists a group's members; this is what stands in for one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.core.members import MemberView, Role


@dataclass
class Person:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    is_bot: bool = False

    @property
    def full_name(self) -> str:
        """First and last name, as Telegram clients show them."""
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


class Directory:
    def __init__(self, bot_id: int) -> None:
        self.bot_id = bot_id
        self._people: dict[int, Person] = {}
        self._usernames: dict[str, int] = {}
        self._tags: dict[tuple[str, int], str] = {}
        self._present: dict[str, set[int]] = defaultdict(set)
        self._shown: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def see(self, person: Person) -> None:
        """Remember a person as Telegram showed them just now (names change)."""
        self._people[person.id] = person
        if person.username:
            self._usernames[person.username.casefold()] = person.id

    def person(self, user_id: int) -> Person | None:
        """The person with this user id, if ever seen."""
        return self._people.get(user_id)

    def join(self, chat: str, user_id: int) -> None:
        """`user_id` is a member of `chat` (their tag there, if any, is kept)."""
        self._present[chat].add(user_id)
        self._remember_name(chat, user_id)

    def set_tag(self, chat: str, user_id: int, tag: str | None) -> None:
        """The tag (or an admin's custom title) `user_id` shows in `chat`; None: none."""
        if tag:
            self._tags[chat, user_id] = tag
        else:
            self._tags.pop((chat, user_id), None)
        self._remember_name(chat, user_id)

    def leave(self, chat: str, user_id: int) -> None:
        """`user_id` left `chat` (or was removed)."""
        self._present[chat].discard(user_id)
        self._tags.pop((chat, user_id), None)

    def display(self, chat: str, user_id: int) -> str:
        """The name the group shows: the member's tag there, else their name."""
        tag = self._tags.get((chat, user_id))
        if tag:
            return tag
        person = self._people.get(user_id)
        return person.full_name if person else str(user_id)

    def view(self, chat: str, user_id: int, role: Role = "member") -> MemberView:
        """The member as the core sees them: the user id is the identity, the account and the
        handle. Every name handed to the core is remembered, so a message mentioning it finds
        them."""
        self._remember_name(chat, user_id)
        return MemberView(
            self.display(chat, user_id),
            str(user_id),
            role,
            is_self=user_id == self.bot_id,
            handle=str(user_id),
            account=str(user_id),
        )

    def members(self, chat: str) -> list[int]:
        """User ids seen in `chat` and not known to have left."""
        return sorted(self._present.get(chat, ()))

    def by_username(self, username: str) -> int | None:
        """The user id of an @username seen before."""
        return self._usernames.get(username.lstrip("@").casefold())

    def by_display(self, chat: str, display: str) -> list[int]:
        """Members showing `display` now; else those who showed it before."""
        now = [uid for uid in self.members(chat) if self.display(chat, uid) == display]
        return now or list(self._shown[chat].get(display, ()))

    def _remember_name(self, chat: str, user_id: int) -> None:
        shown = self._shown[chat][self.display(chat, user_id)]
        if user_id not in shown:
            shown.append(user_id)
