"""A naming template (`naming.template`): which fields it may use, in English or Chinese, and
how it is checked. docs/policy.md lists the fields."""

from __future__ import annotations

import string

from bot.core import bounds

TEMPLATE_FIELDS = ("name", "department", "title", "company", "phone", "phone4", "employee_no")
# Chinese field names a template may use instead (`{部门}-{姓名}` is `{department}-{name}`).
CHINESE_FIELDS = {
    "姓名": "name",
    "部门": "department",
    "职位": "title",
    "职务": "title",
    "公司": "company",
    "手机": "phone",
    "电话": "phone",
    "手机尾号": "phone4",
    "工号": "employee_no",
}


def canonical_template(value: str) -> str:
    """Check a naming template and write it with the English field names: fields only from
    TEMPLATE_FIELDS (or their Chinese names), no format specs or conversions, `{name}` in it."""
    if len(value) > bounds.MAX_TEMPLATE_LENGTH:
        raise ValueError(f"a template of at most {bounds.MAX_TEMPLATE_LENGTH} characters")
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as exc:
        raise ValueError(f"malformed template {value!r}: {exc}") from None
    out, fields = [], []
    for literal, name, spec, conversion in parts:
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        field = CHINESE_FIELDS.get(name.strip(), name.strip())
        if field not in TEMPLATE_FIELDS:
            raise ValueError(
                f"unknown field {{{name}}}; expected one of " + ", ".join(TEMPLATE_FIELDS)
            )
        if spec or conversion:
            raise ValueError(f"write fields plainly, as {{{field}}}, without : or ! parts")
        fields.append(field)
        out.append("{" + field + "}")
    if "name" not in fields:
        raise ValueError("the template must contain {name}")
    return "".join(out)
