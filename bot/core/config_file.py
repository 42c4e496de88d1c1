"""Production config files: the replay scenario's `timezone`, `org` and `groups` sections.

One document describes a company for replay and for production; here members and events are
not allowed (the platform shows the members; real life brings the events).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ConfigDict, ValidationError

from bot.core import bounds
from bot.core.errors import ConfigError
from bot.core.group import group_runtimes
from bot.core.org import OrgConfig
from bot.core.validation import config_error
from bot.core.yaml_guard import load_yaml


class StrictOrgConfig(OrgConfig):
    model_config = ConfigDict(extra="forbid")

    # Adapter sections (wechat:, telegram:) are read by the adapters themselves.
    wechat: dict[str, Any] | None = None
    telegram: dict[str, Any] | None = None
    name: str | None = None
    description: str | None = None


def read_yaml(path: Path) -> dict[str, Any]:
    """A scenario or config file as a mapping; bounded size, depth and node count."""
    try:
        if path.stat().st_size > bounds.MAX_FILE_BYTES:
            raise ConfigError(path.name, f"larger than {bounds.MAX_FILE_BYTES // 2**20} MB")
        raw = load_yaml(path.read_text(encoding="utf-8"), path.name)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read the file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "the file is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name} line {mark.line + 1}" if mark else path.name
        raise ConfigError(where, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except ValueError as exc:  # a value YAML cannot build, e.g. the date 2026-13-01
        raise ConfigError(path.name, f"not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError("(top level)", "expected a mapping with org and groups")
    return raw


def read_org_config(path: Path) -> StrictOrgConfig:
    """Read and validate a config file (its groups' policies included). A `roster_file` it
    names is read by `bot.services.roster_file.load_org_config`."""
    raw = read_yaml(path)
    if not isinstance(raw.get("groups") or [], list):
        raise ConfigError("groups", "expected a list of groups")
    for index, group in enumerate(raw.get("groups") or []):
        if isinstance(group, dict) and ("members" in group or "events" in raw):
            where = f"groups[{index}].members" if "members" in group else "events"
            raise ConfigError(where, "a config file has no members or events (replay only)")
    try:
        config = StrictOrgConfig.model_validate(raw)
    except ValidationError as exc:
        raise config_error(exc) from None
    group_runtimes(config)
    return config
