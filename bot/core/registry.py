"""The group registry (policy: 前缀编码[1.101]；命名示例：1.001 公司股东会): each group may carry a
`code`, an `owner`, a `purpose` and a group-name template; a group may require every active
in-scope employee as a member. Pure rules here; the audit applies them
(bot.services.registry)."""

from __future__ import annotations

import re
import string
import unicodedata

GROUP_NAME_FIELDS = ("code", "company", "purpose")


def check_name_template(value: str) -> str:
    """A group-name template such as `{code} {company}{purpose}`, else ValueError."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        raise ValueError(f"malformed template {value!r}: {exc}") from None
    for name in fields:
        if name not in GROUP_NAME_FIELDS:
            raise ValueError(
                f"unknown field {{{name}}}; expected one of " + ", ".join(GROUP_NAME_FIELDS)
            )
    return value


def template_fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def render_group_name(
    template: str, *, code: str | None, company: str | None, purpose: str | None
) -> str:
    """The name a group should carry."""
    return template.format(code=code or "", company=company or "", purpose=purpose or "")


def _normal(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip()


def group_name_complies(actual: str, expected: str) -> bool:
    """Equal after NFKC and with runs of spacing read as one space."""
    return _normal(actual) == _normal(expected)


def code_order(code: str | None, name: str) -> tuple[int, tuple[tuple[int, str], ...], str]:
    """Sort key: coded groups first, by their code read part by part (`1.20` after `1.3`
    numerically: 1.3 < 1.20), then the uncoded ones by name."""
    if not code:
        return (1, (), name)
    parts = tuple((int(p), "") if p.isdigit() else (0, p) for p in re.split(r"[.\-_ ]", code))
    return (0, parts, name)
