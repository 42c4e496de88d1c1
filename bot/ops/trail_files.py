"""Audit-trail export files: the chain written out as .jsonl, .csv or .xlsx (hashes
included), and a .jsonl export read back, each line checked to be an entry, for verifying."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from bot.core.errors import ConfigError
from bot.services.spreadsheet import Cell, is_risky, new_workbook, write_table

COLUMNS = ("seq", "at", "kind", "actor", "group", "key", "data", "prev_hash", "hash")
FORMATS = (".jsonl", ".csv", ".xlsx")


def write_export(entries: list[dict[str, Any]], out: Path) -> None:
    """Write `entries` to `out` in the format its suffix names (one of FORMATS)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    suffix = out.suffix.lower()
    if suffix == ".jsonl":
        lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
        out.write_text("".join(lines), encoding="utf-8")
        return
    rows = [[_cell(e[c]) for c in COLUMNS] for e in entries]
    if suffix == ".csv":
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            # A CSV cannot say "text": a leading quote keeps a spreadsheet from evaluating it.
            writer.writerows([[f"'{v}" if is_risky(v) else v for v in row] for row in rows])
        return
    book, sheet = new_workbook()
    write_table(sheet, list(COLUMNS), rows)
    book.save(out)


def _cell(value: object) -> Cell:
    """An entry's field in a sheet: the data object as JSON text, the rest as it is."""
    if value is None or isinstance(value, str | int | float):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def read_export(path: Path) -> list[dict[str, Any]]:
    """Entries of a .jsonl export, each line checked to be an entry."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read the file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "expected UTF-8 text (a .jsonl export)") from None
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, RecursionError):  # RecursionError: absurdly deep nesting
            entry = None
        if not isinstance(entry, dict) or not set(COLUMNS) <= set(entry):
            raise ConfigError(f"{path.name} line {number}", "expected one exported entry")
        entries.append(entry)
    return entries
