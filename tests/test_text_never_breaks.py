"""Text never breaks (issue 11): every message key, in both locales, renders with hostile
arguments without a placeholder; long arguments are cut with an ellipsis at ARG_LIMIT; the
blocks the bot composes are kept whole; a /kick with a 3,000-character reason reads right."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from adapters.sim.replay import run_replay
from adapters.sim.scenario import load_scenario
from bot.i18n import SUPPORTED, Translator
from bot.settings import Settings
from bot.text_args import ARG_LIMIT, BLOCK_ARGS, cut
from tests.seeds import rng
from tests.test_locales import variables

LONG = "长" * 3_000
HOSTILE_TEXT = [
    LONG,
    "{???}" * 700,
    "{ $name } {$x} { -brand } {{name}} %s {0}",
    "\ue0000\ue001 \ue000",
    "\x00\u202e\u200b" + "a" * 2_600,
    "",
]
HOSTILE_NUMBERS = [10**30, -(10**20), 0, 2**63]
PLACEHOLDERS = ("{???}", "{$", "{ $", "\ue000", "\ue001")


def hostile_args(names: set[str], draw: int) -> dict[str, object]:
    pool: list[object] = [*HOSTILE_TEXT, *HOSTILE_NUMBERS]
    return {name: pool[(draw + i) % len(pool)] for i, name in enumerate(sorted(names))}


def clean(text: str) -> bool:
    return not any(mark in text for mark in PLACEHOLDERS)


def leftover(text: str, args: dict[str, object]) -> str:
    """`text` without the arguments' own characters (whole, cut, or with the private-use
    characters the translator drops): what the message itself added."""
    values = [str(v) for v in args.values()]
    stripped = [v.replace("\ue000", "").replace("\ue001", "") for v in values]
    forms = {form for v in values + stripped for form in (v, cut(v))}
    for form in sorted(forms, key=len, reverse=True):
        if form:
            text = text.replace(form, "")
    return text


@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_key_renders_with_hostile_arguments(locale: str) -> None:
    t = Translator(locale)
    keys = variables(locale)
    rendered = 0
    for draw in range(len(HOSTILE_TEXT) + len(HOSTILE_NUMBERS)):
        for key, names in keys.items():
            args = hostile_args(names, draw)
            text = t(key, **args)
            assert clean(leftover(text, args)), f"{locale} {key}: {text[:300]!r}"
            budget = sum(
                len(str(v)) if n in BLOCK_ARGS else ARG_LIMIT + 40 for n, v in args.items()
            )
            assert len(text) <= budget + 2_000, f"{locale} {key}: {len(text)} characters"
            rendered += 1
    assert rendered >= 8 * len(keys)


def test_a_seeded_mix_of_arguments_never_leaves_a_placeholder() -> None:
    draws = rng("text-never-breaks")
    alphabet = "{}$?-.长a \n\ue000\ue0010123456789"
    for locale in SUPPORTED:
        t = Translator(locale)
        for key, names in variables(locale).items():
            args: dict[str, object] = {
                name: "".join(draws.choices(alphabet, k=draws.randint(0, 4_000))) for name in names
            }
            text = t(key, **args)
            # Whatever the arguments hold, the message itself adds no placeholder.
            assert clean(leftover(text, args)), f"{locale} {key}: {text[:300]!r}"


def test_long_arguments_end_in_an_ellipsis_at_the_limit() -> None:
    t = Translator("zh_CN")
    text = t("error-unknown-member", name=LONG, usage="用法")
    assert "长" * (ARG_LIMIT - 1) + "…" in text and "长" * ARG_LIMIT not in text
    assert cut("短") == "短" and len(cut(LONG)) == ARG_LIMIT


def test_blocks_the_bot_composed_are_kept_whole() -> None:
    lines = "\n".join(f"成员{i:04d} → 财务部-成员{i:04d}" for i in range(400))  # ~10,000 chars
    text = Translator("zh_CN")("roster-summary", text=lines)
    assert text == lines
    items = Translator("en")("roster-summary-unknown", items=lines, count=400)
    assert lines in items


def test_huge_numbers_render_as_digits() -> None:
    text = Translator("en")("warning-issued", member="x", count=10**30, limit=10**30, reason="r")
    assert str(10**30) in text and clean(text)


async def test_a_kick_with_a_very_long_reason_reads_right(tmp_path: Path) -> None:
    reason = "发广告" * 1_000
    spec = {
        "start": "2026-11-23T10:00:00+08:00",
        "org": {
            "defaults": {"audit.daily_at": ""},
            "roster": [{"name": "李四", "department": "行政"}],
        },
        "groups": [
            {
                "name": "全员群",
                "admins": ["李四"],
                "members": [{"name": "行政-李四", "remark": "李四"}, "路人"],
            }
        ],
        "events": [
            {"type": "message", "group": "全员群", "sender": "行政-李四", "text": f"/{c} {reason}"}
            for c in ("kick @路人", "warn @无人", "rename @无人", "nosuch")
        ],
    }
    path = tmp_path / "kick.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    settings = Settings(_env_file=None, data_dir=tmp_path)
    report = await run_replay(load_scenario(path), settings, files_dir=tmp_path / "files")
    actions = report["actions"]
    assert any(a["action"] == "remove" for a in actions)
    texts = [a["text"] for a in actions if a.get("text")]
    assert len(texts) >= 4
    for text in texts:
        assert clean(text), text[:200]
        assert len(text) < 1_000
    assert any("…" in text for text in texts)
