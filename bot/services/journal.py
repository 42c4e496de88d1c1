"""The restart journal: which causes took effect, which finished, and what they saw.

A cause (an event handled, a job run; see bot.core.causes) gets a `cause_log` row the first
time it takes effect (an action, a keyed state write) or reads the platform. On that first
touch:
- a row marked done or failed means the cause was handled before: `CauseDone` stops it;
- a row still running means the bot died while handling it: the cause runs again, and the
  platform reads it made then (`remembered`) are given back, so it decides from the same
  inputs. Actions and state writes are keyed, so what was done is not done twice;
- no row: a fresh cause. Causes that never take effect (most messages) never touch the
  database at all.

`unfinished()` lists what `App.start` resumes after a crash.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from loguru import logger
from tortoise.exceptions import IntegrityError

from bot.core.causes import Cause, CauseDone, current_cause, next_token
from bot.core.event_codec import event_to_json
from bot.services.cause_end import finish, memo_step, now
from bot.storage import steps
from bot.storage.models import CauseRecord

T = TypeVar("T")
FINISHED = ("done", "failed")


def _payload(cause: Cause) -> dict[str, Any]:
    subject = cause.subject
    if isinstance(subject, dict):
        payload = dict(subject)
    elif subject is not None:
        payload = event_to_json(subject)
    else:
        payload = {}
    if cause.origin is not None:
        payload["origin"] = cause.origin
    return payload


def new_row(cause: Cause) -> CauseRecord:
    """The journal row of a cause seen for the first time (not saved yet)."""
    return CauseRecord(
        key=cause.key, kind=cause.kind, payload=_payload(cause), memo=[],
        status="running", started_at=now(),
    )  # fmt: skip


def attach(cause: Cause, row: CauseRecord, *, fresh: bool) -> None:
    """`row` is the cause's journal from now on (`fresh`: created by this run)."""
    cause.journal, cause.fresh = row, fresh
    cause.finisher = finish  # its end, in plain SQL (bot.services.cause_end)


async def touch() -> CauseRecord | None:
    """Attach the journal to the current cause (see the module docstring); None without one."""
    cause = current_cause()
    if cause is None:
        return None
    if isinstance(cause.journal, CauseRecord):
        return cause.journal
    row = new_row(cause)
    try:
        await row.save()  # most causes are new: insert first, and look only when it is taken
    except IntegrityError:
        found = await CauseRecord.get_or_none(key=cause.key)
        if found is None or found.status in FINISHED:  # None: it vanished under us; leave it
            raise CauseDone(cause.key) from None
        logger.info("resuming {key} ({n} inputs remembered)", key=cause.key, n=len(found.memo))
        if found.status != "running":
            await CauseRecord.filter(id=found.id).update(status="running")
        attach(cause, found, fresh=False)
        return found
    attach(cause, row, fresh=True)
    return row


async def effect_key(namespace: str) -> str | None:
    """The key of the next state write of `namespace`, with the journal attached."""
    key = next_token(namespace)
    if key is not None:
        await touch()
    return key


def fresh() -> bool:
    """Nothing was written under the current cause before this run (see `touch`)."""
    cause = current_cause()
    return cause is not None and cause.fresh


def own_key() -> str | None:
    """The current cause's key (state rows carry it to recognise their own writes)."""
    cause = current_cause()
    return cause.key if cause is not None else None


async def remembered(
    label: str,
    read: Callable[[], Awaitable[T]],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T],
) -> T:
    """`read()` the platform once per cause: a cause run again gets what it saw the first time."""
    row = await touch()
    if row is None:
        return await read()
    cause = current_cause()
    assert cause is not None
    position = cause.tokens.get("memo", 0)
    cause.tokens["memo"] = position + 1
    memo: list[dict[str, Any]] = row.memo
    if position < len(memo) and memo[position].get("label") == label:
        return decode(memo[position]["value"])
    value = await read()
    row.memo = [*memo[:position], {"label": label, "value": encode(value)}]
    await steps.write(CauseRecord._meta.db, [memo_step(row)])  # plain SQL: cheaper to send
    return value


async def begin(cause: Cause | None) -> None:
    """Journal a cause now, even before it takes effect: jobs whose completion must be
    remembered although they may find nothing to do (the departed sweep)."""
    if cause is not None:
        await touch()


async def record_done(key: str, kind: str, payload: dict[str, Any]) -> None:
    """Note a cause as handled without running it (a baseline nothing has to be done for)."""
    at = now()
    fields = {"kind": kind, "payload": payload, "status": "done", "memo": []}
    await CauseRecord.get_or_create(
        key=key, defaults={**fields, "started_at": at, "finished_at": at}
    )


async def is_finished(key: str) -> bool:
    return await CauseRecord.filter(key=key, status__in=FINISHED).exists()


async def unfinished() -> list[CauseRecord]:
    """Causes a previous run started and never finished, oldest first."""
    return await CauseRecord.filter(status__in=("running", "pending")).order_by("id")


async def latest(prefix: str) -> CauseRecord | None:
    return await CauseRecord.filter(key__startswith=prefix).order_by("-id").first()
