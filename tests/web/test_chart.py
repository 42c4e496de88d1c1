"""The compliance chart: one line per group over the days an audit recorded, shares computed
from the stored counts, every label escaped, a word when there is nothing to draw."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.services.compliance_history import share_compliant
from bot.web.chart import Line, chart_svg

LAST = date(2026, 11, 24)


def counts(compliant: int, misnamed: int) -> dict[str, int]:
    return {"compliant": compliant, "misnamed": misnamed, "unknown": 0, "missing": 7}


def test_share_ignores_the_missing_and_empty_groups() -> None:
    assert share_compliant(counts(3, 1)) == 0.75  # missing employees are not members
    assert share_compliant(counts(0, 0)) is None


def test_lines_points_and_escaping() -> None:
    history = {LAST - timedelta(days=2): counts(1, 1), LAST: counts(4, 0)}
    old = {LAST - timedelta(days=40): counts(1, 0)}  # outside the 30 days
    svg = chart_svg(
        [Line("<b>全员群</b>", history), Line("旧群", old)], LAST, 30, "合规率 & 趋势", "无"
    )
    assert "<b>" not in svg and "&lt;b&gt;全员群&lt;/b&gt;" in svg
    assert "合规率 &amp; 趋势" in svg
    polylines = re.findall(r'<polyline points="([^"]+)"', svg)
    assert len(polylines) == 1  # the old group has nothing in range
    (first, last) = [tuple(map(float, p.split(","))) for p in polylines[0].split()]
    assert first[0] < last[0] and last[1] < first[1]  # later and higher (100% above 50%)
    assert "无" not in svg


def test_nothing_recorded() -> None:
    svg = chart_svg([Line("全员群", {})], LAST, 30, "t", "还没有记录")
    assert "<polyline" not in svg and "还没有记录" in svg
