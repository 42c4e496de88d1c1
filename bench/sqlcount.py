"""Counting the SQL statements the bot sends, at tortoise's database-client layer.

Every tortoise client (SQLite, asyncpg, and their transaction wrappers) logs each statement it
sends to the `tortoise.db_client` logger at DEBUG, once per `execute_*` call: counting those
records counts statements (a bulk `executemany` is one), whatever the backend. BEGIN and
COMMIT are not logged there and not counted. The logger is detached from the log handlers
while counting, so the bot's own logging does not format every statement.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

WRITES = ("INSERT", "UPDATE", "DELETE")
_WRITING = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b")


class StatementCounter(logging.Handler):
    """`count` goes up by one for each statement sent while `counting()` is active."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0
        self.writes = 0  # INSERT, UPDATE, DELETE

    def handle(self, record: logging.LogRecord) -> bool:
        self.count += 1  # no lock, no formatting: one event loop thread sends the statements
        query = record.args[0] if isinstance(record.args, tuple) and record.args else record.msg
        text = str(query).lstrip().upper()
        if text[:6] in WRITES or (text[:4] == "WITH" and _WRITING.search(text)):
            self.writes += 1  # a WITH of data-modifying parts (bot.storage.trips) writes
        return True

    def emit(self, record: logging.LogRecord) -> None:
        """Unused: `handle` counts."""

    @contextmanager
    def counting(self) -> Iterator[StatementCounter]:
        log = logging.getLogger("tortoise.db_client")
        level, propagate = log.level, log.propagate
        log.setLevel(logging.DEBUG)
        log.propagate = False
        log.addHandler(self)
        try:
            yield self
        finally:
            log.removeHandler(self)
            log.setLevel(level)
            log.propagate = propagate
