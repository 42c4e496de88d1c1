"""Fixtures for the Telegram tests: a fake Bot API server per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.telegram.fake_api import FakeBotAPI


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    fake = FakeBotAPI()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
