"""The 30-day compliance chart, drawn on the server as SVG (no script, no CDN): one line per
group, the share of its members compliant on each day an audit recorded, with a legend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from bot.services.compliance_history import share_compliant

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 170, 14, 30
# Distinguishable in colour and for colour-blind readers (Okabe-Ito).
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000")


@dataclass(frozen=True)
class Line:
    label: str
    by_day: dict[date, dict[str, int]]


def _x(index: int, days: int) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * index / max(days - 1, 1)


def _y(share: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - share)


def chart_svg(lines: Sequence[Line], last: date, days: int, title: str, empty: str) -> Markup:
    """The chart as an inline `<svg>`; every text escaped."""
    first = last - timedelta(days=days - 1)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for pct in (0, 50, 100):
        y = _y(pct / 100)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{pct}%</text>'
        )
    for index in (0, days - 1):
        day = first + timedelta(days=index)
        parts.append(
            f'<text x="{_x(index, days):.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
            f"{day:%m-%d}</text>"
        )
    drawn = 0
    for number, line in enumerate(lines):
        colour = COLOURS[number % len(COLOURS)]
        points = []
        for index in range(days):
            counts = line.by_day.get(first + timedelta(days=index))
            share = share_compliant(counts) if counts else None
            if share is not None:
                points.append(f"{_x(index, days):.1f},{_y(share):.1f}")
        if points:
            drawn += 1
            parts.append(f'<polyline points="{" ".join(points)}" stroke="{colour}" class="line"/>')
            for point in points:
                cx, cy = point.split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="{colour}"/>')
        y = TOP + 16 * number + 6
        parts.append(
            f'<rect x="{WIDTH - RIGHT + 12}" y="{y - 8}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{WIDTH - RIGHT + 28}" y="{y + 1}">{escape(line.label)}</text>'
        )
    if not drawn:
        parts.append(
            f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT / 2}" text-anchor="middle" '
            f'class="empty">{escape(empty)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
