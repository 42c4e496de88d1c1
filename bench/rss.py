"""Resident memory of this process, and its peak since a point of the benchmark's choosing.

Linux keeps the peak (VmHWM in /proc/self/status) and resets it to the current resident size
when "5" is written to /proc/self/clear_refs: a benchmark can then report the peak of the
part it measures, without the memory it spent building its input (freed, but still counted
by `ru_maxrss`, which only ever grows). Elsewhere the peak cannot be reset: None.
"""

from __future__ import annotations

from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR = Path("/proc/self/clear_refs")


def _status_mb(field: str) -> float | None:
    try:
        lines = _STATUS.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return round(int(line.split()[1]) / 1024, 1)  # kB
    return None


def resident_mb() -> float | None:
    """The resident set now (VmRSS), MB."""
    return _status_mb("VmRSS")


def reset_peak() -> bool:
    """Start the peak afresh from the resident set now (garbage is not collected first: the
    measured part starts as it would have)."""
    try:
        _CLEAR.write_text("5")
    except OSError:
        return False
    return True


def peak_mb() -> float | None:
    """The peak resident set (VmHWM) since the last `reset_peak`, MB."""
    return _status_mb("VmHWM")
