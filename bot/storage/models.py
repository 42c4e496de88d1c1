"""Tortoise models. Schema changes go through aerich migrations (bot/storage/migrations)."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class Employee(Model):
    """A roster entry. Departed employees stay, marked `departed`, so leavers are recognised."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=64, db_index=True)
    department = fields.CharField(max_length=128)
    title = fields.CharField(max_length=128, null=True)
    phone = fields.CharField(max_length=32, null=True)
    employee_no = fields.CharField(max_length=64, null=True, db_index=True)
    aliases: fields.JSONField[list[str]] = fields.JSONField(default=list)
    is_exec = fields.BooleanField(default=False)
    status = fields.CharField(max_length=16, default="active")
    # Account ids that bind a member to this entry whatever name they show (spec "Identity").
    wechat_id = fields.CharField(max_length=64, null=True, db_index=True)
    telegram_id = fields.CharField(max_length=64, null=True, db_index=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    departed_at = fields.DatetimeField(null=True)
    hired = fields.DateField(null=True)  # the new-hire naming grace counts from it

    class Meta:
        table = "employee"


class Group(Model):
    """A governed group on one platform. `code` is how the platform names it."""

    id = fields.IntField(primary_key=True)
    platform = fields.CharField(max_length=16)
    code = fields.CharField(max_length=255)
    name = fields.CharField(max_length=255)
    config: fields.JSONField[dict[str, Any]] = fields.JSONField(
        default=dict
    )  # admins, scope, policy overrides, timezone
    created_at = fields.DatetimeField()
    # Changed by every write of the group's member states, to a value no other write gives:
    # an instance that kept the states it wrote knows them current while it is unchanged
    # (bot.services.member_state_memo).
    states_version = fields.BigIntField(default=0)

    class Meta:
        table = "chat_group"
        unique_together = (("platform", "code"),)


class MemberState(Model):
    """What the bot last observed of one member of a group (per display name or identity)."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="members", on_delete=fields.CASCADE
    )
    group_id: int  # the column tortoise adds for the relation
    key = fields.CharField(max_length=300)
    display = fields.CharField(max_length=255)
    identity = fields.CharField(max_length=255, null=True)
    handle = fields.CharField(max_length=255, null=True)
    employee: fields.ForeignKeyNullableRelation[Employee] = fields.ForeignKeyField(
        "models.Employee", related_name="observations", null=True, on_delete=fields.SET_NULL
    )
    employee_id: int | None  # the column tortoise adds for the relation
    status = fields.CharField(max_length=16, default="unknown")
    present = fields.BooleanField(default=True)
    reminders = fields.IntField(default=0)
    last_reminded_at = fields.DatetimeField(null=True)
    # The cause (see bot.core.causes) that counted the latest reminder: a cause run again
    # after a restart must not count its reminder twice.
    reminded_by = fields.CharField(max_length=255, null=True)
    first_seen = fields.DatetimeField()
    last_seen = fields.DatetimeField()

    class Meta:
        table = "member_state"
        unique_together = (("group", "key"),)


class Binding(Model):
    """A member bound to a roster entry by an admin (the rename command); never guessed over."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="bindings", on_delete=fields.CASCADE
    )
    group_id: int  # the column tortoise adds for the relation
    key = fields.CharField(max_length=300)
    employee: fields.ForeignKeyRelation[Employee] = fields.ForeignKeyField(
        "models.Employee", related_name="bindings", on_delete=fields.CASCADE
    )
    employee_id: int  # the column tortoise adds for the relation
    created_by = fields.CharField(max_length=255)
    created_at = fields.DatetimeField()

    class Meta:
        table = "binding"
        unique_together = (("group", "key"),)


class MemberNumber(Model):
    """A member's number in a group, as the roster command shows it and commands take it.

    Given once per member key, in the order the bot first lists the members, and never
    changed or reused: a number names one member or nobody (bot.services.member_numbers)."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="member_numbers", on_delete=fields.CASCADE
    )
    group_id: int  # the column tortoise adds for the relation
    key = fields.CharField(max_length=300)
    number = fields.IntField()

    class Meta:
        table = "member_number"
        unique_together = (("group", "key"), ("group", "number"))


class Warning(Model):
    """One warning in the ledger. It counts while unrevoked and younger than warnings.expire."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="warnings", on_delete=fields.CASCADE
    )
    group_id: int  # the column tortoise adds for the relation
    employee: fields.ForeignKeyNullableRelation[Employee] = fields.ForeignKeyField(
        "models.Employee", related_name="warnings", null=True, on_delete=fields.SET_NULL
    )
    employee_id: int | None  # the column tortoise adds for the relation
    member_key = fields.CharField(max_length=300, db_index=True)
    display = fields.CharField(max_length=255)
    rule = fields.CharField(max_length=32)
    reason = fields.TextField(default="")
    evidence = fields.TextField(default="")
    issued_by = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField(db_index=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by = fields.CharField(max_length=255, null=True)
    # `<cause>#w<n>`: the same cause run again after a restart finds its warning recorded.
    cause_key = fields.CharField(max_length=255, null=True, db_index=True)
    # Recorded while the group ran `enforcement: dry_run`: never counts once enforcing.
    dry_run = fields.BooleanField(default=False)

    class Meta:
        table = "warning"


class ActionRecord(Model):
    """Every action the bot attempted, with its outcome. The replay report is this log."""

    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField(db_index=True)
    group_code = fields.CharField(max_length=255, null=True)
    action = fields.CharField(max_length=16)
    kind = fields.CharField(max_length=32, null=True)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    outcome = fields.CharField(max_length=16, default="pending")  # done|refused|dry_run|pending
    detail = fields.TextField(default="")
    idempotency_key = fields.CharField(max_length=255, null=True, unique=True)

    class Meta:
        table = "action_record"


class CauseRecord(Model):
    """One cause (an event handled, a job run) that took effect: the restart journal.

    `memo` keeps what the platform showed while it ran (member lists), so a cause run again
    after a crash decides from the same inputs; `status` is running, pending (a job queued
    for later), done or failed. See bot.services.journal.
    """

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=255, unique=True)
    kind = fields.CharField(max_length=16)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    memo: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    status = fields.CharField(max_length=16, default="running", db_index=True)
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "cause_log"


class JobClaim(Model):
    """One occurrence of a scheduled job, claimed by the instance that runs it: a lease with
    an expiry, renewed while it runs, a fencing `token` raised at each takeover, and a done
    mark, so that instances sharing the database run it once (bot.services.job_claims)."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=255, unique=True)  # the job's cause key: name@due
    owner = fields.CharField(max_length=160)
    token = fields.IntField(default=1)
    expires_at = fields.DatetimeField()
    done_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job_claim"


class AuditEntry(Model):
    """One entry of the tamper-evident audit trail (bot.services.audit_trail).

    `hash` is SHA-256 over the entry's content and `prev_hash`, so editing, inserting,
    deleting or reordering rows breaks the chain. `key` makes appends idempotent.
    """

    id = fields.IntField(primary_key=True)
    seq = fields.BigIntField(unique=True)
    at = fields.DatetimeField()
    kind = fields.CharField(max_length=32)
    actor = fields.CharField(max_length=255, null=True)
    group_code = fields.CharField(max_length=255, null=True)
    key = fields.CharField(max_length=255, null=True, unique=True)
    data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_entry"


class AuditHead(Model):
    """The chain's last entry (one row), so that deleting entries from the end shows."""

    id = fields.IntField(primary_key=True)
    seq = fields.BigIntField(default=0)
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_head"


class ConsoleUser(Model):
    """An account of the HR web console (`qunguan web user add`). The password is kept only
    as an argon2 hash (bot.web.users)."""

    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    password_hash = fields.CharField(max_length=255)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    last_login_at = fields.DatetimeField(null=True)

    class Meta:
        table = "console_user"


class ComplianceDay(Model):
    """A group's members by status as its last audit of one day found them (the group's local
    date): the console's 30-day compliance chart (bot.services.compliance_history)."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="compliance_days", on_delete=fields.CASCADE
    )
    group_id: int  # the column tortoise adds for the relation
    day = fields.DateField()
    counts: fields.JSONField[dict[str, int]] = fields.JSONField(default=dict)
    recorded_at = fields.DatetimeField()

    class Meta:
        table = "compliance_day"
        unique_together = (("group", "day"),)


class Notice(Model):
    """A notice an admin posted, open for acknowledgement until `deadline`.

    `expected` lists the responders fixed when it was posted (member key, display name,
    employee id and name); `reminded` and `reported` record the half-time reminder and the
    deadline report, so a restart neither repeats nor loses them."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="notices", on_delete=fields.CASCADE
    )
    group_id: int  # the column tortoise adds for the relation
    text = fields.TextField()
    sender = fields.CharField(max_length=255)
    opened_at = fields.DatetimeField(db_index=True)
    deadline = fields.DatetimeField(db_index=True)
    expected: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    reminded = fields.BooleanField(default=False)
    reported = fields.BooleanField(default=False)
    # `<cause>#n<n>`: the `/notice` command run again after a restart finds its notice.
    cause_key = fields.CharField(max_length=255, null=True, unique=True)

    class Meta:
        table = "notice"


class NoticeAck(Model):
    """One expected responder's acknowledgement of a notice (`late`: after the deadline)."""

    id = fields.IntField(primary_key=True)
    notice: fields.ForeignKeyRelation[Notice] = fields.ForeignKeyField(
        "models.Notice", related_name="acks", on_delete=fields.CASCADE
    )
    notice_id: int  # the column tortoise adds for the relation
    member_key = fields.CharField(max_length=300)
    display = fields.CharField(max_length=255)
    at = fields.DatetimeField()
    late = fields.BooleanField(default=False)
    text = fields.CharField(max_length=64, default="")

    class Meta:
        table = "notice_ack"
        unique_together = (("notice", "member_key"),)


class PointEntry(Model):
    """One change in the points ledger (`points.enabled`): a rule's points for a member, in
    the month (local `YYYY-MM`) it was earned; a month's sum is its score, older months are
    the history. `key` makes each charge happen once (a cause run again, a day's audit)."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[Group] = fields.ForeignKeyField(
        "models.Group", related_name="points", on_delete=fields.CASCADE
    )
    group_id: int  # the column tortoise adds for the relation
    employee: fields.ForeignKeyNullableRelation[Employee] = fields.ForeignKeyField(
        "models.Employee", related_name="points", null=True, on_delete=fields.SET_NULL
    )
    employee_id: int | None  # the column tortoise adds for the relation
    member_key = fields.CharField(max_length=300)
    display = fields.CharField(max_length=255)
    month = fields.CharField(max_length=7, db_index=True)
    rule = fields.CharField(max_length=32)
    delta = fields.IntField()
    at = fields.DatetimeField()
    key = fields.CharField(max_length=255, null=True, unique=True)

    class Meta:
        table = "point_entry"
