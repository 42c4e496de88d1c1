"""A group line's sender, and a joiner, as the core sees them: the name shown, the WeChat ID
on the profile card (`account`), an admin's ID (`identity`) only where the card shows it.

The core keeps one record per member, keyed by what it knows of them (identity, else account,
else the name). A member whose lines went in under the name alone before their card was read
(a card that did not open, a join line, which has no card) has a name-only record; once the
card is read and the name has that one ID, a ForgetEvent drops the name-only record (it is not
a leave: nothing reports one) and the member goes on under their ID.
"""

from __future__ import annotations

from adapters.wechat.driver import InMsg
from adapters.wechat.link import BotLink
from adapters.wechat.members import MemberLists
from adapters.wechat.senders import Senders
from bot.core.events import ForgetEvent
from bot.core.members import MemberView


async def line_sender(msg: InMsg, members: MemberLists, senders: Senders) -> MemberView:
    """The sender of an ordinary line (not a privileged command)."""
    if msg.display == members.bot_name:
        return members.view(msg.chat, msg.display)
    account = await senders.account(msg)
    return members.view(msg.chat, msg.display, account=account)


async def settle_name(group: str, name: str, senders: Senders, bot: BotLink) -> None:
    """Drop the name-only record of a member whose ID is now known (see above)."""
    if senders.replaces_nameless(group, name):
        await bot.handle(ForgetEvent(group, MemberView(name)))


def joiner(group: str, name: str, members: MemberLists, senders: Senders) -> MemberView:
    """Someone a join line names: no card to read, so by name (and an ID the name is known
    under); a name no ID is known under waits for its card (`settle_name`)."""
    if senders.can_verify and senders.known(group, name) is None:
        senders.mark_nameless(group, name)
    return members.view(group, name)
