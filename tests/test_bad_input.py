"""Bad input with bounds (issue 11): every hostile value found by the probe is one
`ConfigError` naming its key, quickly, in a scenario and in the config file `qunguan run`
reads. The fuzz suite (tests/test_fuzz_input.py) explores around these."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.sim.scenario import load_scenario
from bot.core.config_file import read_org_config
from bot.core.errors import ConfigError
from bot.core.policy import build_policy
from bot.settings import load_settings


def scenario(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "start": "2026-11-23T10:00:00+08:00",
        "org": {"roster": [{"name": "张三", "department": "财务部"}]},
        "groups": [{"name": "全员群", "members": ["张三"]}],
        "events": [{"type": "tick", "after": "1h"}],
    }
    return {**base, **changes}


def refused(tmp_path: Path, doc: dict[str, Any] | str) -> ConfigError:
    path = tmp_path / "s.yaml"
    text = doc if isinstance(doc, str) else yaml.safe_dump(doc, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_scenario(path)
    assert "\n" not in str(caught.value)
    return caught.value


def policy_refused(policy: dict[str, Any]) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        build_policy(None, policy)
    assert "\n" not in str(caught.value)
    return caught.value


@pytest.mark.parametrize(
    "template",
    [
        "{name:d}",
        "{name:%Y}",
        "{name!r}",
        "{department}-{name:>300000000}",
        "{name:{department}}",
        "{name[0]}",
        "{name.upper}",
        "{0}-{name}",
        "{}",
        "{department}-{name}" * 10,
    ],
)
def test_templates_take_plain_fields_only(template: str) -> None:
    assert policy_refused({"naming.template": template}).where == "policy.naming.template"


def test_chinese_field_names_are_the_english_ones() -> None:
    policy = build_policy(None, {"naming.template": "{部门}-{姓名}（{工号}）"})
    assert policy.naming.template == "{department}-{name}（{employee_no}）"
    literal = build_policy(None, {"naming.template": "{{x}}{姓名}"})
    assert literal.naming.template == "{{x}}{name}"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("warnings.limit", 10**30),
        ("warnings.limit", True),
        ("warnings.limit", "3"),
        ("warnings.limit", 2.0),
        ("content.flood.seconds", 10**15),
        ("content.flood.messages", 10**9),
        ("content.max_length", 10**12),
        ("naming.after_reminders", 10**6),
        ("warnings.expire", "99999999999999d"),
        ("warnings.expire", 1e308),
        ("warnings.expire", float("inf")),
        ("warnings.expire", float("nan")),
        ("warnings.expire", "9" * 5000 + "d"),
        ("remind.cooldown", "99999999999999d"),
        ("remind.cooldown", "400d"),
        ("content.mute_for", 1e308),
        ("naming.exec_bare_name", "yes"),
        ("naming.exec_bare_name", 1),
        ("content.delete_offending", "no"),
        ("content.banned_keywords", ["x" * 101]),
        ("content.banned_keywords", ["词"] * 50_001),
    ],
)
def test_numbers_durations_and_flags_within_bounds(key: str, value: object) -> None:
    assert policy_refused({key: value}).where == f"policy.{key}"


def test_bounds_themselves_are_accepted() -> None:
    policy = build_policy(
        None,
        {
            "warnings": {"limit": 100_000, "expire": "3650d"},
            "content": {"flood": {"seconds": 86400, "messages": 10000}, "mute_for": "366d"},
            "naming.exec_bare_name": False,
        },
    )
    assert policy.warnings.limit == 100_000 and policy.content.flood.seconds == 86400


@pytest.mark.parametrize(
    ("policy", "where"),
    [
        ({"warnings": 3, "warnings.limit": 2}, "policy.warnings"),
        ({"warnings.limit": 2, "warnings": 3}, "policy.warnings"),
        ({"warnings": {"limit": 3}, "warnings.limit": 2}, "policy.warnings.limit"),
        ({"content": {"flood.seconds": 3}, "content.flood": {"seconds": 4}}, "policy.content"),
    ],
)
def test_one_key_given_twice_is_an_error(policy: dict[str, Any], where: str) -> None:
    assert policy_refused(policy).where.startswith(where)


def test_nested_and_dotted_keys_still_combine() -> None:
    policy = build_policy(None, {"warnings": {"limit": 3}, "warnings.expire": "7d"})
    assert policy.warnings.limit == 3 and policy.warnings.expire.days == 7


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"start": 12}, "start"),
        ({"start": "12"}, "start"),
        ({"start": 1.7e9}, "start"),
        ({"start": "1970-01-01T00:00:12+00:00"}, "start"),
        ({"start": "9999-12-31T00:00:00+00:00"}, "start"),
        ({"events": [{"type": "tick", "at": "9999-12-31"}]}, "events[0].at"),
        ({"events": [{"type": "tick", "at": 12}]}, "events[0].at"),
        ({"events": [{"type": "tick", "after": "365000d"}]}, "events[0].after"),
        ({"events": [{"type": "tick", "after": "1200d"}]}, "events[0].after"),
        ({"events": [{"type": "tick", "after": "99999999999999d"}]}, "events[0].after"),
        ({"events": [{"type": "tick", "after": 1e308}]}, "events[0].after"),
        ({"events": [{"type": "tick", "after": "700d"}] * 2}, "events[1].after"),
        ({"timezone": "长" * 86}, "timezone"),  # found by the fuzz suite: OSError
        # Found by the fuzz suite: a 256-character display name failed the daily audit.
        ({"events": [{"type": "join", "group": "全员群", "member": "长" * 256}]}, "events[0]"),
        (
            {
                "events": [
                    {"type": "rename", "group": "全员群", "member": "张三", "to": "长" * 101}
                ]
            },
            "events[0].to",
        ),
        ({"groups": [{"name": "长" * 101}]}, "groups[0].name"),
        ({"org": {"roster": [{"name": "长" * 65, "department": "财务部"}]}}, "org.roster[0].name"),
        (
            {"org": {"roster": [{"name": "张三", "department": "财务部", "phone": "1" * 33}]}},
            "org.roster[0].phone",
        ),
        ({"timezone": "../" * 30 + "etc/passwd"}, "timezone"),
        ({"org": {"bot": ""}}, "org.bot"),
        ({"org": {"bot": "   "}}, "org.bot"),
        ({"org": {"roster": [{"name": "王五", "department": "销售部", "exec": "yes"}]}}, "org"),
        ({"org": {"roster": [{"name": "王五", "department": "销售部", "exec": 1}]}}, "org"),
    ],
)
def test_scenario_fields_within_bounds(tmp_path: Path, changes: dict, where: str) -> None:
    assert refused(tmp_path, scenario(**changes)).where.startswith(where)


@pytest.mark.parametrize(
    "roster",
    [
        [{"name": "王五", "department": "销售部"}, {"name": "王五", "department": "销售部"}],
        [
            {"name": "王五", "department": "销售部", "employee_no": "E1"},
            {"name": "王五", "department": "销售部"},
        ],
        [
            {"name": "王五", "department": "销售部", "employee_no": "E1"},
            {"name": "王六", "department": "财务部", "employee_no": "E1"},
        ],
    ],
)
def test_the_same_employee_twice_is_an_error(tmp_path: Path, roster: list[dict]) -> None:
    error = refused(tmp_path, scenario(org={"roster": roster}))
    assert error.where == "org" and "roster[1] is the same employee as roster[0]" in error.message


def test_adding_an_employee_already_on_the_roster_is_an_error(tmp_path: Path) -> None:
    add = {"type": "roster", "op": "add", "employee": {"name": "张三", "department": "财务部"}}
    error = refused(tmp_path, scenario(events=[add]))
    assert error.where == "events[0].employee" and "already on the roster" in error.message


def test_namesakes_with_different_numbers_are_two_employees(tmp_path: Path) -> None:
    roster = [
        {"name": "王五", "department": "销售部", "employee_no": "E1"},
        {"name": "王五", "department": "销售部", "employee_no": "E2"},
    ]
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(scenario(org={"roster": roster}), allow_unicode=True))
    assert len(load_scenario(path).roster) == 2


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20_000 + "]" * 20_000,
        "{a: " * 20_000 + "1" + "}" * 20_000,
        "".join(f"{'  ' * depth}a{depth}:\n" for depth in range(2_000)),
    ],
)
def test_deep_nesting_is_one_line(tmp_path: Path, text: str) -> None:
    assert "nest" in refused(tmp_path, text).message  # ours, or libyaml's own limit


def test_a_billion_laughs_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 9):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    assert "aliases included" in refused(tmp_path, "\n".join(lines)).message


def test_the_run_config_file_is_validated_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    config: dict[str, Any] = {"org": {"bot": "群管家"}, "groups": [{"name": "全员群"}]}
    for policy, where in [
        ({"warnings.limit": 10**30}, "groups[0].policy.warnings.limit"),
        ({"naming.template": "{name!r}"}, "groups[0].policy.naming.template"),
        ({"warnings": 3, "warnings.limit": 2}, "groups[0].policy.warnings"),
    ]:
        config["groups"][0]["policy"] = policy
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            read_org_config(path)
        assert caught.value.where == where
    path.write_text("[" * 20_000, encoding="utf-8")
    with pytest.raises(ConfigError, match="nest"):
        read_org_config(path)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("TELEGRAM__CHAT_INTERVAL", "1e308"),
        ("TELEGRAM__MAX_RETRIES", str(10**30)),
        ("TELEGRAM__ADMINS_TTL", "99999999999"),
        ("REDIS_PREFIX", ""),
    ],
)
def test_settings_within_bounds(monkeypatch: pytest.MonkeyPatch, variable: str, value: str):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=None)
    assert caught.value.where == f"setting {variable}"


def test_a_huge_bad_value_is_quoted_cut_on_one_line() -> None:
    # Found by the fuzz suite: the error echoed a 5,000-character value.
    error = policy_refused({"audit.daily_at": "9" * 5_000 + "\n" + "d"})
    assert error.where == "policy.audit.daily_at"
    assert len(str(error)) < 800 and str(error).endswith("…")
