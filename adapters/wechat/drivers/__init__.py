"""One driver per library, imported lazily and only on Windows."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from adapters.wechat.driver import WeChatDriver
from adapters.wechat.drivers.base import LibraryDriver
from bot.core.errors import ConfigError

LIBRARIES = ("wxautox", "wxauto4", "wxautox4")


def driver_class(library: str) -> type[LibraryDriver]:
    """The driver class for `library` (no library import yet)."""
    if library == "wxautox":
        from adapters.wechat.drivers.wxautox import WxautoxDriver

        return WxautoxDriver
    if library in ("wxauto4", "wxautox4"):
        from adapters.wechat.drivers.wx4 import Wxauto4Driver, Wxautox4Driver

        return Wxauto4Driver if library == "wxauto4" else Wxautox4Driver
    raise ConfigError("wechat.library", f"expected one of {', '.join(LIBRARIES)}, got {library!r}")


def import_library(library: str) -> ModuleType:
    """Import the UI automation library; only Windows with the `wechat` extra has it."""
    if sys.platform != "win32":
        raise ConfigError(
            "wechat.library",
            f"{library} drives the WeChat desktop client and runs only on Windows "
            f"(this is {sys.platform}); see docs/wechat.md",
        )
    try:
        return importlib.import_module(library)
    except ImportError as exc:
        raise ConfigError(
            "wechat.library",
            f'{library} is not installed ({exc}); run: pip install "qunguan[wechat]"',
        ) from None


def load_driver(library: str, module: ModuleType | None = None) -> WeChatDriver:
    """A driver for `library`; `module` stands in for the library (tests pass a fake)."""
    cls = driver_class(library)
    return cls(module if module is not None else import_library(library))
