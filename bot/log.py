"""Logging through loguru, with the standard library's logs (tortoise, aiogram…) routed in."""

from __future__ import annotations

import logging
import sys
from types import FrameType

from loguru import logger


class InterceptHandler(logging.Handler):
    """Forward stdlib log records to loguru, keeping the caller's location."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        frame: FrameType | None = logging.currentframe()
        depth = 2
        while frame and frame.f_code.co_filename == logging.__file__:
            frame = frame.f_back
            depth += 1
        logger.opt(depth=depth, exception=record.exc_info).log(level, record.getMessage())


def setup_logging(level: str = "INFO") -> None:
    """One stderr sink; `diagnose=False` so tracebacks never print local values (tokens)."""
    logger.remove()
    logger.add(
        sys.stderr,
        level=level,
        diagnose=False,
        backtrace=False,
        format="<green>{time:HH:mm:ss}</green> <level>{level: <7}</level> {name}: {message}",
    )
    logging.basicConfig(handlers=[InterceptHandler()], level=0, force=True)
    # Tortoise and aiosqlite are chatty about every connection and query below WARNING.
    if level not in {"TRACE", "DEBUG"}:
        for name in ("tortoise", "aiosqlite", "asyncio"):
            logging.getLogger(name).setLevel(logging.WARNING)
