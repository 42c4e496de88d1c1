"""Console accounts: argon2 password hashes (argon2-cffi), created, listed, removed and reset
from the command line (`qunguan web user …`), checked at login. Every change goes into the
audit trail."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.core.clock import Clock
from bot.core.errors import ConfigError
from bot.services.audit_trail import AuditTrail
from bot.storage.models import ConsoleUser

NAME = re.compile(r"^[\w.@-]{1,64}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
# A hash to check against when the user does not exist, so timing does not tell names apart.
_DUMMY = _hasher.hash("not a password of anyone")


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise ConfigError("NAME", "expected 1-64 letters, digits or . _ @ -")
    return name


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ConfigError(
            "password", f"expected {MIN_PASSWORD} to {MAX_PASSWORD} characters on standard input"
        )
    return password


async def add(name: str, password: str, clock: Clock, actor: str) -> ConsoleUser:
    check_name(name)
    if await ConsoleUser.exists(username=name):
        raise ConfigError("NAME", f"a console user {name!r} exists already (use reset)")
    now = clock.now()
    user = await ConsoleUser.create(
        username=name,
        password_hash=_hasher.hash(check_password(password)),
        created_at=now,
        updated_at=now,
    )
    await AuditTrail(clock).append("console_user_added", {"user": name}, actor=actor)
    return user


async def reset(name: str, password: str, clock: Clock, actor: str) -> None:
    user = await _existing(name)
    user.password_hash = _hasher.hash(check_password(password))
    user.updated_at = clock.now()
    await user.save(update_fields=["password_hash", "updated_at"])
    await AuditTrail(clock).append("console_user_reset", {"user": name}, actor=actor)


async def remove(name: str, clock: Clock, actor: str) -> None:
    user = await _existing(name)
    await user.delete()
    await AuditTrail(clock).append("console_user_removed", {"user": name}, actor=actor)


async def listed() -> list[ConsoleUser]:
    return await ConsoleUser.all().order_by("username")


async def _existing(name: str) -> ConsoleUser:
    user = await ConsoleUser.get_or_none(username=name)
    if user is None:
        raise ConfigError("NAME", f"no console user {name!r} (see `qunguan web user list`)")
    return user


async def authenticate(name: str, password: str, clock: Clock) -> ConsoleUser | None:
    """The user if `password` is theirs; a stale hash is upgraded on the way."""
    user = await ConsoleUser.get_or_none(username=name) if NAME.match(name) else None
    try:
        _hasher.verify(user.password_hash if user else _DUMMY, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    user.last_login_at = clock.now()
    fields = ["last_login_at"]
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
        fields.append("password_hash")
    await user.save(update_fields=fields)
    return user
