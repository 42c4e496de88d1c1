"""Every message key exists in zh_CN and en, renders with sample arguments, and every key the
code uses is in the catalogues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fast
from fluent.syntax.visitor import Visitor

from bot.commands import registry
from bot.core.policy import TEMPLATE_FIELDS
from bot.core.vocabulary import MEMBER_STATUSES, REASONS
from bot.i18n import LOCALES_DIR, SUPPORTED, Translator, _bundle, message_ids

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r"^[a-z][a-z0-9_]*(-[a-z0-9_]+)+$")
STATUSES = (*MEMBER_STATUSES, "missing")  # every status, and the roster export's `missing`


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def visit_VariableReference(self, node: fast.VariableReference) -> None:
        self.found.add(node.id.name)


def variables(locale: str) -> dict[str, set[str]]:
    """Message key → the variables its pattern uses."""
    out: dict[str, set[str]] = {}
    for path in (LOCALES_DIR / locale).glob("*.ftl"):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, fast.Junk):
                pytest.fail(f"{path}: unparsable entry {(entry.content or '')[:60]!r}")
            if isinstance(entry, fast.Message):
                collector = _Variables()
                collector.visit(entry)
                out[entry.id.name] = collector.found
    return out


def test_both_locales_have_the_same_keys() -> None:
    zh, en = message_ids("zh_CN"), message_ids("en")
    assert sorted(zh - en) == [], "keys only in zh_CN"
    assert sorted(en - zh) == [], "keys only in en"


@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_message_renders_with_sample_arguments(locale: str) -> None:
    bundle = _bundle(locale)
    for key, names in variables(locale).items():
        args = {
            name: 2 if name in {"count", "n", "limit", "seconds"} else f"<{name}>"
            for name in names
        }
        pattern = bundle.get_message(key).value
        assert pattern is not None, f"{locale} {key} has no value"
        text, errors = bundle.format_pattern(pattern, args)
        assert not errors, f"{locale} {key}: {errors}"
        assert isinstance(text, str), f"{locale} {key} renders nothing"
        assert text.strip(), f"{locale} {key} renders empty"
        for name in names:
            assert str(args[name]) in text, f"{locale} {key} drops ${name}"


def test_same_variables_in_both_locales() -> None:
    zh, en = variables("zh_CN"), variables("en")
    for key in zh:
        assert zh[key] == en.get(key), f"{key}: zh_CN uses {zh[key]}, en {en.get(key)}"


def _keys_in_code() -> set[str]:
    keys: set[str] = set()
    for path in [*ROOT.joinpath("bot").rglob("*.py"), *ROOT.joinpath("adapters").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for arg in node.args:
                    value = arg.value if isinstance(arg, ast.Constant) else None
                    if isinstance(value, str) and KEY.match(value):
                        keys.add(value)
    return keys


def test_keys_used_in_code_exist() -> None:
    known = message_ids("zh_CN")
    families = (
        [f"reason-{r}" for r in REASONS]
        + [f"status-{s}" for s in STATUSES]
        + [f"field-{f}" for f in TEMPLATE_FIELDS]
        + [spec.help_key for spec in registry]
        + [f"alert-{s}" for s in ("unknown", "ambiguous", "departed", "misnamed")]
        + [f"alert-join-{s}" for s in ("unknown", "ambiguous", "departed")]
        + ["employee-active", "employee-departed", "welcome-compliant", "welcome-misnamed"]
    )
    missing = sorted(k for k in _keys_in_code() | set(families) if k not in known)
    assert missing == []


def test_translator_falls_back_and_never_raises() -> None:
    t = Translator("en")
    assert t("no-such-key") == "no-such-key"
    assert Translator("zh_CN")("status-compliant") != Translator("en")("status-compliant")
