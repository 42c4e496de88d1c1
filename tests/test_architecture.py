"""The platform-free core stays platform-free."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLATFORM_LIBRARIES = {
    "aiogram",
    "wxauto",
    "wxautox",
    "wxauto4",
    "wxautox4",
    "uiautomation",
    "comtypes",
    "win32api",
    "win32con",
    "win32gui",
    "pywinauto",
    "adapters",
}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_bot_imports_no_platform_library() -> None:
    offenders = {}
    for path in ROOT.joinpath("bot").rglob("*.py"):
        if path.name == "cli.py":
            continue  # the command line is the composition root; it loads adapters lazily
        leaked = imported_roots(path) & PLATFORM_LIBRARIES
        if leaked:
            offenders[str(path.relative_to(ROOT))] = sorted(leaked)
    assert offenders == {}


def test_commands_stay_short() -> None:
    """Rules live in services; a command handler parses, calls a service, replies."""
    for path in ROOT.joinpath("bot", "commands").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef):
                length = node.end_lineno - node.lineno + 1
                assert length <= 45, f"{path.name}:{node.name} is {length} lines"
