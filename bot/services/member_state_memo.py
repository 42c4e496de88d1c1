"""A group's member states kept in memory between audits, while nobody else wrote them.

An audit reads every state row of its group (500 in a full WeChat group) only to find, on a
steady day, the rows it wrote the day before. Every write of a group's states changes the
group's `states_version` (bot.storage.models.Group) to a value no other write gives: random,
62 bits. The audit that writes the states keeps them with the version it wrote; the next
audit reads the version alone (one row) and uses the kept states if it is unchanged, else
reads them all. So another instance taking the audit over, `/rename`'s reminder count, a
member seen joining or leaving (bot.services.members), in this process or any other, each
make the next audit read the rows again.

An audit's own write sets its version only if the group's is still the one it loaded, else
a value it does not keep (`stamp`): a write by someone else between the audit's read and its
write is never covered up. The states are taken out of the memo while an audit uses them
(it changes them in place) and kept again only once its write is stored: an audit that fails
in between leaves nothing kept.
"""

from __future__ import annotations

import secrets

from bot.services.member_state_sql import State
from bot.storage.models import Group
from bot.storage.sql import marks
from bot.storage.trips import Step

# Group id → (the version its states were written under, the states by key).
_kept: dict[int, tuple[int, dict[str, State]]] = {}


class States(dict[str, State]):
    """A group's states by member key, with the group's version when they were loaded."""

    version: int | None = None


def fresh() -> int:
    """A version no other write gives (positive: `stamp` marks a lost race negative)."""
    return secrets.randbits(62) + 1


async def version(group_id: int) -> int:
    """The group's states version now (one row)."""
    conn = Group._meta.db
    (mark,) = marks(conn, 1)
    sql = f'SELECT "states_version" FROM "{Group._meta.db_table}" WHERE "id" = {mark}'
    _, rows = await conn.execute_query(sql, [group_id])
    return int(rows[0][0]) if rows else 0


def take(group_id: int, current: int) -> States | None:
    """The states kept for the group if written under `current` (taken out of the memo)."""
    kept = _kept.pop(group_id, None)
    if kept is None or kept[0] != current:
        return None
    out = States(kept[1])
    out.version = current
    return out


def keep(group_id: int, written: int, states: dict[str, State]) -> None:
    """The states now stored for the group, under the version `written`."""
    _kept[group_id] = (written, states)


def stamp(group_id: int, loaded: int | None, new: int) -> Step:
    """The write of the version: `new` if the group's is still `loaded` (the version the
    writer read the states under), else `-new` (a value nobody keeps states under)."""
    table = Group._meta.db_table
    if loaded is None:
        return Step(f'UPDATE "{table}" SET "states_version" = ? WHERE "id" = ?', [new, group_id])
    sql = (
        f'UPDATE "{table}" SET "states_version" = CASE WHEN "states_version" = ? '
        'THEN CAST(? AS BIGINT) ELSE CAST(? AS BIGINT) END WHERE "id" = ?'
    )
    return Step(sql, [loaded, new, -new, group_id])


def bump(group_id: int) -> Step:
    """The version's change by a write of the states that keeps none (any other writer)."""
    return stamp(group_id, None, fresh())
