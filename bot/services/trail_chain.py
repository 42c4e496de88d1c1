"""The audit trail's hash chain, as pure functions: canonical content, entry hashes, and a
checker that walks entries in order and names the first one that breaks the chain. Used for
the database (bot.services.audit_trail appends, bot.services.trail_verify reads) and for
exported files alike."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def stamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 of the entry's content and the previous hash (`prev_hash`)."""
    content = {k: entry.get(k) for k in ("seq", "at", "kind", "actor", "group", "key", "data")}
    material = entry["prev_hash"] + "\n" + canonical(content)
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass
class Verdict:
    """The result of a verification: `broken` is None when the chain is whole."""

    count: int = 0
    head: str = GENESIS
    broken: str | None = None  # message key: audit-broken-…
    at_seq: int | None = None
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.broken is None


class ChainChecker:
    """Feed entries in order; the first fault is kept."""

    def __init__(self) -> None:
        self.verdict = Verdict()

    def feed(self, entry: dict[str, Any]) -> bool:
        """Check one entry; False once the chain is broken."""
        v = self.verdict
        expected = v.count + 1
        seq = entry.get("seq")
        if seq != expected:
            return self.fail(
                "audit-broken-sequence", seq, expected=expected, found=seq, after=v.count
            )
        if entry.get("prev_hash") != v.head:
            return self.fail("audit-broken-link", seq, previous=v.count)
        if entry_hash(entry) != entry.get("hash"):
            return self.fail("audit-broken-hash", seq)
        v.count, v.head = expected, entry["hash"]
        return True

    def fail(self, key: str, seq: int | None, **args: Any) -> bool:
        self.verdict.broken, self.verdict.at_seq = key, seq
        self.verdict.args = {"seq": seq if seq is not None else "?", **args}
        return False

    def check_head(self, seq: int, digest: str) -> None:
        """The stored head must name the last entry (else entries were cut from the end)."""
        v = self.verdict
        if v.ok and (seq != v.count or digest != v.head):
            self.fail("audit-broken-head", v.count or None, head=seq, last=v.count)


def verify_entries(items: Iterable[dict[str, Any]]) -> Verdict:
    """Verify an exported chain (no head to compare with: compare `head` yourself)."""
    checker = ChainChecker()
    for item in items:
        if not checker.feed(item):
            break
    return checker.verdict


def anchor_verdict(found: str | None, seq: int, digest: str, last: int) -> Verdict | None:
    """An anchor (entry `seq` had hash `digest`, kept apart from the trail) against the hash
    `found` now, in a trail that ends at entry `last`: None if they agree. A full rewrite of
    the chain, or a cut tail with the head moved back, keeps it whole; an anchor still tells."""
    if found == digest or (seq == 0 and digest == GENESIS):
        return None
    if found is None:
        args = {"seq": last + 1, "anchor": seq, "last": last}
        return Verdict(broken="audit-broken-anchor-missing", at_seq=last + 1, args=args)
    return Verdict(broken="audit-broken-anchor", at_seq=seq, args={"seq": seq})
