"""What `qunguan roster import` prints: a readable preview, or the JSON object."""

from __future__ import annotations

from typing import Any

from bot.i18n import Translator
from bot.services.roster_import import ImportResult, RowError
from bot.services.roster_import.plan import Change

SHOWN = 20  # names listed per section in the readable preview


def error_message(t: Translator, error: RowError) -> str:
    return t(error.key, **error.args)


def as_json(t: Translator, result: ImportResult) -> dict[str, Any]:
    """The issue's object (`added`, `updated`, `departed`, `unchanged` counts and `errors`),
    plus where the header was found, whether it was applied, and each change."""
    parsed, plan = result.parsed, result.plan
    return {
        **plan.counts(),
        "errors": [
            {
                "row": e.row,
                "column": e.column,
                "header": e.header,
                "message": error_message(t, e),
            }
            for e in parsed.errors
        ],
        "format": parsed.format,
        "sheet": parsed.sheet,
        "header_row": parsed.header_row,
        "mode": plan.mode,
        "applied": result.applied,
        "refused": result.refused,
        "warnings": [
            {**_brief(c), "kind": "renumbered", "message": _renumbered(t, c)}
            for c in plan.renumbered
        ],
        "changes": {
            "added": [_brief(c) for c in plan.added],
            "updated": [{**_brief(c), "fields": _fields(c)} for c in plan.updated],
            "departed": [{**_brief(c), "fields": _fields(c)} for c in plan.departed],
        },
    }


def _brief(change: Change) -> dict[str, Any]:
    return {"name": change.name, "department": change.department, "row": change.row}


def _fields(change: Change) -> dict[str, list[Any]]:
    return {name: [before, after] for name, before, after in change.fields}


def readable(t: Translator, result: ImportResult) -> list[str]:
    parsed, plan = result.parsed, result.plan
    lines = [
        t(
            "import-head",
            file=parsed.path.name,
            format=t(f"import-format-{parsed.format}"),
            sheet=parsed.sheet,
            row=parsed.header_row,
            mode=t(f"import-mode-{plan.mode}"),
        )
    ]
    lines.append(t("import-added", count=len(plan.added), names=_names(t, plan.added)))
    lines.append(t("import-updated", count=len(plan.updated)))
    lines += [_change_line(t, c) for c in plan.updated[:SHOWN]]
    if len(plan.updated) > SHOWN:
        lines.append(t("import-more-updated", count=len(plan.updated)))
    lines.append(t("import-departed", count=len(plan.departed), names=_names(t, plan.departed)))
    lines.append(t("import-unchanged", count=plan.unchanged))
    if plan.renumbered:
        lines.append(t("import-renumbered", count=len(plan.renumbered)))
        lines += ["  " + _renumbered(t, c) for c in plan.renumbered]
    if parsed.errors:
        lines.append(t("import-errors", count=len(parsed.errors)))
        for e in parsed.errors:
            lines.append(
                t(
                    "import-error-line",
                    row=e.row,
                    column=e.column or "-",
                    header=e.header or "-",
                    message=error_message(t, e),
                )
            )
    lines.append(_verdict(t, result))
    return lines


def _renumbered(t: Translator, change: Change) -> str:
    before, after = change.renumbered or ("", "")
    return t(
        "import-renumbered-line",
        row=change.row or "-",
        name=change.name,
        department=change.department,
        before=before,
        after=after,
    )


def _verdict(t: Translator, result: ImportResult) -> str:
    plan = result.plan
    if result.refused == "errors":
        return t("import-refused-errors")
    if result.refused == "too_many_departures":
        return t("import-refused-departures", count=plan.leaving, active=plan.active_before)
    return t("import-applied") if result.applied else t("import-preview-only")


def _names(t: Translator, changes: list[Change]) -> str:
    shown = [f"{c.department}-{c.name}" for c in changes[:SHOWN]]
    text = t("list-separator").join(shown) or "-"
    if len(changes) > SHOWN:
        text += t("import-more", count=len(changes))
    return text


def _change_line(t: Translator, change: Change) -> str:
    parts = [
        t(
            "import-field-change",
            field=t(f"import-field-{name}"),
            before=_value(t, before),
            after=_value(t, after),
        )
        for name, before, after in change.fields
    ]
    return t(
        "import-updated-line",
        name=change.name,
        department=change.department,
        fields=t("list-separator").join(parts),
    )


def _value(t: Translator, value: Any) -> str:
    if value in (None, "", []):
        return "-"
    if isinstance(value, bool):
        return t("import-yes") if value else t("import-no")
    if isinstance(value, list):
        return ",".join(value)
    if value in ("active", "departed"):
        return t(f"employee-{value}")
    return str(value)


value_text = _value  # a field's value as the preview shows it (the web console's too)
