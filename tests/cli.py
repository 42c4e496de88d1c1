"""Running `qunguan …` as a user would: a process of its own, settings from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def qunguan(
    *args: str, env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the command line; `env` adds to a clean environment (no .env file is read there)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_"))}
    command = [sys.executable, "-c", "from bot.cli import main; main()", *args]
    return subprocess.run(
        command,
        cwd=cwd or ROOT,
        env={**base, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
