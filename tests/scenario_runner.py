"""Scenario tests: `tests/scenarios/NAME.yaml` runs through the real replay, and
`NAME.expect.yaml` says what must come out. Expectations match kinds, rules and targets,
never wording (text is localised).

Expectation keys:
  exit: 0 | 2                 2 means the file must be rejected before anything runs
  error: [substrings]         parts of the one stderr line (exit 2)
  actions: [ {...}, ... ]     an ordered subsequence of the report's actions; each entry's
                              keys must match (lists compare as sets, `mentions_include` and
                              `members_include` as subsets)
  absent: [ {...}, ... ]      no action may match any of these
  count: [ {match: {...}, n: N} ]  exactly N actions match
  members: {group: {display: {status, employee: "部门-姓名" | null, warnings}}}
  member_count: {group: N}   how many members the group has at the end
  missing: {group: ["部门-姓名", ...]}   the exact missing list (as a set)
  skipped: [event indexes]
  notices: {group: [{text, expected: N, acknowledged: [display], late: [display],
            waiting: [display]}]}   each notice of the group, in order (lists as sets)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SCENARIOS = Path(__file__).with_name("scenarios")


def scenario_files() -> list[Path]:
    return sorted(p for p in SCENARIOS.glob("*.yaml") if not p.name.endswith(".expect.yaml"))


def expectations(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.with_suffix(".expect.yaml").read_text(encoding="utf-8")) or {}


def matches(action: dict[str, Any], want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key.endswith("_include"):
            field = key.removesuffix("_include")
            if not set(value) <= set(action.get(field, [])):
                return False
        elif key == "path_exists":
            if Path(action.get("path", "")).exists() != value:
                return False
        elif isinstance(value, list):
            if set(action.get(key, [])) != set(value):
                return False
        elif action.get(key) != value:
            return False
    return True


def check_report(report: dict[str, Any], expect: dict[str, Any]) -> None:
    actions = report["actions"]
    position = 0
    for want in expect.get("actions", []):
        for i in range(position, len(actions)):
            if matches(actions[i], want):
                position = i + 1
                break
        else:
            raise AssertionError(f"no action {want} after #{position}; actions:\n{_dump(actions)}")
    for banned in expect.get("absent", []):
        found = [a for a in actions if matches(a, banned)]
        assert not found, f"unexpected action(s) matching {banned}: {found}"
    for rule in expect.get("count", []):
        n = sum(matches(a, rule["match"]) for a in actions)
        assert n == rule["n"], f"{n} actions match {rule['match']}, expected {rule['n']}"
    for group, members in expect.get("members", {}).items():
        seen = {m["display"]: m for m in report["groups"][group]["members"]}
        for display, want in members.items():
            assert display in seen, f"{display!r} is not in {group!r}: {sorted(seen)}"
            got = seen[display]
            if "status" in want:
                assert got["status"] == want["status"], f"{display}: {got}"
            if "employee" in want:
                employee = got["employee"]
                label = f"{employee['department']}-{employee['name']}" if employee else None
                assert label == want["employee"], f"{display}: {got}"
            if "warnings" in want:
                assert got["warnings"] == want["warnings"], f"{display}: {got}"
    for group, gone in expect.get("absent_members", {}).items():
        shown = {m["display"] for m in report["groups"][group]["members"]}
        assert not shown & set(gone), f"{sorted(shown & set(gone))} still in {group!r}"
    for group, n in expect.get("member_count", {}).items():
        assert len(report["groups"][group]["members"]) == n
    for group, missing in expect.get("missing", {}).items():
        got = {f"{m['department']}-{m['name']}" for m in report["groups"][group]["missing"]}
        assert got == set(missing), f"missing in {group!r}: {sorted(got)}"
    for group, notices in expect.get("notices", {}).items():
        _check_notices(report["groups"][group].get("notices", []), notices)
    if "skipped" in expect:
        assert [s["event"] for s in report.get("skipped", [])] == expect["skipped"]


def _check_notices(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> None:
    assert len(got) == len(want), f"{len(got)} notices, expected {len(want)}: {got}"
    for notice, spec in zip(got, want, strict=True):
        acked = {a["member"] for a in notice["acknowledged"]}
        late = {a["member"] for a in notice["acknowledged"] if a["late"]}
        checks = {
            "text": notice["text"],
            "expected": len(notice["expected"]),
            "acknowledged": acked,
            "late": late,
            "waiting": set(notice["waiting"]),
        }
        for key, value in spec.items():
            value = set(value) if isinstance(value, list) else value
            assert checks[key] == value, f"notice {notice['text']!r}: {key} {checks[key]}"


def _dump(actions: list[dict[str, Any]]) -> str:
    keys = ("seq", "action", "kind", "rule", "reason", "mentions", "member", "to")
    return "\n".join(str({k: a[k] for k in keys if k in a}) for a in actions)
