"""The words the report and the logs are made of (spec/replay.md, "The report"), as types.

Each vocabulary is a `Literal`, so a misspelt kind, rule or status is a type error, and a
tuple of its words for code that iterates or validates (`get_args` keeps the two in step).
"""

from __future__ import annotations

from typing import Literal, get_args

# What a member posts (a message event's `kind`).
MessageKind = Literal["text", "voice", "image", "video", "file", "link", "emotion"]

# What the bot sends: the `kind` of a message, a direct message or a file in the report.
# The spec's kinds, then the extensions: a mute announced, a removal the bot could not make,
# the warning limit reached where `warnings.action` is report.
SendKind = Literal[
    "welcome",
    "naming_reminder",
    "unknown_member_alert",
    "departed_alert",
    "warning",
    "removal_notice",
    "rule_reminder",
    "command_reply",
    "command_denied",
    "command_error",
    "audit_report",
    "roster_export",
    "mute_notice",
    "action_failed",
    "warn_limit_alert",
    "impostor_alert",
    "notice",
    "notice_reminder",
    "notice_report",
    "group_name_alert",
    "missing_members_alert",
    "invite_alert",
    "leave_alert",
    "points_report",
]

# What answers an admin's own command (sent for real even in a dry-run group, see the policy's
# `dry_run_replies`); the audit's reports to admins are not among them.
COMMAND_ANSWERS: tuple[SendKind, ...] = ("command_reply", "command_error", "roster_export")

# The content rules, in precedence order: a message fires at most the first that matches.
ContentRule = Literal["banned_keyword", "ad", "flood", "link", "length", "voice", "quiet_hours"]
# A message's `rule` and a removal's `reason`: the content rules and the roster's reasons;
# `admin` is a removal by `/kick`; `notice` a notice not acknowledged in time.
# `out_of_scope`: an active employee outside the group's scope; `impostor`: a member showing
# the name of a roster entry another member holds (spec "Identity").
Reason = Literal[
    ContentRule,
    "naming",
    "not_on_roster",
    "out_of_scope",
    "departed",
    "warn_limit",
    "admin",
    "impostor",
    "notice",
    "group_name",
    "required",
    "uninvited",
    "left",
]

# Where a member stands against the roster (the report's member `status`).
MemberStatus = Literal[
    "compliant", "misnamed", "unknown", "ambiguous", "impostor", "departed", "bot"
]

# The report's `action` names (bot.core.actions.ACTION_NAMES).
ActionName = Literal[
    "send", "direct", "remove", "notice", "file", "delete", "mute", "set_tag", "invite"
]

MESSAGE_KINDS: tuple[MessageKind, ...] = get_args(MessageKind)
CONTENT_RULES: tuple[ContentRule, ...] = get_args(ContentRule)
REASONS: tuple[Reason, ...] = get_args(Reason)  # nested Literals flatten
MEMBER_STATUSES: tuple[MemberStatus, ...] = get_args(MemberStatus)
