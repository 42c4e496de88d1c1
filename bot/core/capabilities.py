"""What a platform can do in a group. Adapters declare these up front, per group."""

from __future__ import annotations

from enum import StrEnum


class Capability(StrEnum):
    SEND = "send"  # post a message in the group
    MENTION = "mention"  # @-mention members in a message
    DIRECT = "direct"  # write to a contact privately
    SEND_FILE = "send_file"  # post a file
    LIST_MEMBERS = "list_members"  # read the whole member list
    REMOVE = "remove"  # remove a member (needs owner/admin rights on WeChat)
    SET_NOTICE = "set_notice"  # set the group announcement
    DELETE_MESSAGE = "delete_message"  # delete someone else's message (Telegram)
    MUTE = "mute"  # restrict a member for a while (Telegram)
    SET_MEMBER_TAG = "set_member_tag"  # write a member's tag/name (Telegram Bot API 9.5)
    INVITE = "invite"  # add a contact to the group (wxautox AddGroupMembers; the simulator)
    VERIFY_IDENTITY = "verify_identity"  # senders carry a trusted identity on every message
