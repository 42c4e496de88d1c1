"""The suite's one seed: every randomised test draws from it, so any run can be replayed.

QUNGUAN_TEST_SEED=N sets it (default: a fixed seed, so every run is the same run); pytest
prints it in its header and again under a failure. With the variable set, hypothesis explores
with the same seed; without it, hypothesis is derandomised (tests/conftest.py).
"""

from __future__ import annotations

import os
import random

DEFAULT_SEED = 20261123
FROM_ENVIRONMENT = os.environ.get("QUNGUAN_TEST_SEED", "").strip()
SEED = int(FROM_ENVIRONMENT) if FROM_ENVIRONMENT else DEFAULT_SEED


def rng(name: str) -> random.Random:
    """A generator of its own for one use (`name`), from the suite's seed: tests do not
    shift each other's draws, whichever of them run."""
    return random.Random(f"{SEED}:{name}")


def replay_hint() -> str:
    return f"QUNGUAN_TEST_SEED={SEED}"
