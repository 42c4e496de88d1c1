"""Running the bot on a real platform: the app, the adapter's loop and the scheduler together.

An adapter module (`adapters.<name>.runner`) exposes `async def serve(settings, config, roster)`
and uses `run_app` to start the shared machinery around its own event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from loguru import logger

from bot.app import App
from bot.core.clock import Clock
from bot.core.employees import EmployeeIn

TICK_SECONDS = 5.0


async def run_scheduler(app: App, clock: Clock, *, every: float = TICK_SECONDS) -> None:
    """Fire scheduled work (daily audits…) when it falls due, forever; pick up roster
    changes made by other processes (`qunguan roster import`)."""
    while True:
        try:
            # Claiming a job (bot.services.job_claims) reads the database: a hiccup there
            # must not stop the scheduler either; what was not run is due again next tick.
            await app.scheduler.run_due(clock.now())
        except Exception:
            logger.exception("running scheduled jobs failed")
        try:
            await app.poll()
        except Exception:  # a database hiccup must not stop the scheduler
            logger.exception("polling for roster changes failed")
        await asyncio.sleep(every)


async def run_app(
    app: App,
    clock: Clock,
    roster: list[EmployeeIn],
    adapter_loop: Callable[[], Awaitable[None]],
) -> None:
    """Start `app`, run the adapter's loop and the scheduler until either ends, then stop."""
    await app.start(roster)
    scheduler = asyncio.create_task(run_scheduler(app, clock), name="scheduler")
    try:
        await adapter_loop()
    finally:
        scheduler.cancel()
        await asyncio.gather(scheduler, return_exceptions=True)
        await app.stop()
        logger.info("stopped")
