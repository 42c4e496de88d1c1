"""The layering holds: the platform-free core stays platform-free, imports point one way
(core ← storage ← services ← commands ← engine ← app; adapters through the engine, the core,
the composition root and the public services), and no module imports itself in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.import_graph import Rule, cycles, import_graph, loading_graph, violations

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
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                assert length <= 45, f"{path.name}:{node.name} is {length} lines"


# Modules stay around 150 lines (issue 9); past this, split along a seam. The models are one
# table each and the migrations are generated.
MODULE_LINES = 170
LONG_MODULES_ALLOWED = {"bot/storage/models.py"}


def test_modules_stay_small() -> None:
    long = {}
    for package in ("bot", "adapters", "bench"):
        for path in ROOT.joinpath(package).rglob("*.py"):
            name = str(path.relative_to(ROOT))
            if name in LONG_MODULES_ALLOWED or "/migrations/" in name:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MODULE_LINES:
                long[name] = lines
    assert long == {}


# Layer → the project modules it may not import. Anything outside the project (the standard
# library, third-party packages) is not the business of these rules.
ENTRY_POINTS = (
    "bot.engine",
    "bot.app",
    "bot.runtime",
    "bot.recovery",
    "bot.cli",
    "bot.cli_support",
    "bot.ops",
    "adapters",
    "bench",
)
RULES = {
    "core": Rule("bot.core", forbidden=("bot", "adapters", "bench"), allowed=("bot.core",)),
    "storage": Rule(
        "bot.storage", forbidden=("bot", "adapters", "bench"), allowed=("bot.core", "bot.storage")
    ),
    "services": Rule("bot.services", forbidden=("bot.commands", "bot.web", *ENTRY_POINTS)),
    "commands": Rule("bot.commands", forbidden=("bot.web", *ENTRY_POINTS)),
    # The HR web console sits above the services like the commands: no command handlers, no
    # engine or composition root, no adapters; from the command-line side only what it shares
    # (settings and errors, the import preview, the trail's export formats, the operator).
    "web": Rule(
        "bot.web",
        forbidden=("bot.commands", *ENTRY_POINTS),
        allowed=(
            "bot.cli_support",
            "bot.ops.common",
            "bot.ops.import_report",
            "bot.ops.trail_files",
        ),
    ),
    # Adapters reach the bot through the engine, the core (events, actions, ports), the
    # composition root, the Counters type and the services container and public services:
    # never the command handlers or the storage models.
    "adapters": Rule(
        "adapters",
        forbidden=("bot",),
        allowed=(
            "bot.engine",
            "bot.core",
            "bot.app",
            "bot.runtime",
            "bot.settings",
            "bot.i18n",
            "bot.log",
            "bot.cli_support",
            "bot.storage.counters",
            "bot.services",
        ),
    ),
}
PACKAGES = ("bot", "adapters", "bench")


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(ROOT, PACKAGES)


@pytest.mark.parametrize(
    "layer",
    [
        *RULES,
    ],
)
def test_imports_point_one_way(graph: dict[str, set[str]], layer: str) -> None:
    assert violations(graph, [RULES[layer]]) == []


@pytest.mark.parametrize(
    "package",
    [
        "bot",
        "bench",
        "adapters",
    ],
)
def test_no_import_cycles(graph: dict[str, set[str]], package: str) -> None:
    found = [c for c in cycles(loading_graph(graph)) if any(m.split(".")[0] == package for m in c)]
    assert found == []


def _tree(root: Path, files: dict[str, str]) -> dict[str, set[str]]:
    for name, source in files.items():
        path = root.joinpath(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return import_graph(root, ["bot", "adapters"])


def test_a_wrong_way_import_is_caught(tmp_path: Path) -> None:
    """The checker fails on core importing services, and on an adapter reaching into the
    command handlers or the storage models, however the import is written."""
    graph = _tree(
        tmp_path,
        {
            "bot/__init__.py": "",
            "bot/core/__init__.py": "",
            "bot/core/x.py": "from bot.services import y\n",
            "bot/core/ok.py": "from bot.core import x\nimport json\n",
            "bot/services/__init__.py": "",
            "bot/services/y.py": "from ..core.x import thing\n",
            "bot/storage/__init__.py": "",
            "bot/storage/models.py": "",
            "bot/commands/__init__.py": "",
            "adapters/__init__.py": "",
            "adapters/a.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    import bot.storage.models\n"
                "def f():\n    from bot.commands import z\n"
                "from bot.services.y import thing\n"
            ),
        },
    )
    assert graph["bot.services.y"] == {"bot.core.x"}  # relative imports resolve
    assert violations(graph, RULES.values()) == [
        "adapters.a -> bot.commands (adapters rule)",
        "adapters.a -> bot.storage.models (adapters rule)",
        "bot.core.x -> bot.services.y (bot.core rule)",
    ]


def test_a_cycle_is_caught(tmp_path: Path) -> None:
    """Lazy imports and package `__init__`s that import their modules close cycles too."""
    graph = _tree(
        tmp_path,
        {
            "bot/__init__.py": "",
            "bot/a.py": "def later():\n    from bot import b\n",
            "bot/b.py": "import bot.a\n",
            "bot/c.py": "import bot.a\n",
            "bot/p/__init__.py": "from bot.p.q import x\n",
            "bot/p/q.py": "import bot.p.r\n",
            "bot/p/r.py": "",
            "bot/s.py": "import bot.p.q\n",
            "bot/p/t.py": "import bot.s\n",
        },
    )
    assert cycles(loading_graph(graph)) == [["bot.a", "bot.b"]]
    graph["bot.p.r"].add("bot.s")  # r → s → p (its __init__) → q → r
    assert cycles(loading_graph(graph)) == [
        ["bot.a", "bot.b"],
        ["bot.p", "bot.p.q", "bot.p.r", "bot.s"],
    ]
