"""The small XmR chart the printable report draws for each indicator: the live chart's
whole series (same points, same limits, same flags) with the report's period shaded, as
inline SVG that prints without scripts. Colours follow Making Data Count: grey common
cause, blue improvement, orange concern, purple neither."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol

from gwella.core.finite import is_bounded
from gwella.indicators import spc

WIDTH, HEIGHT, PAD = 640, 160, 10
COLOURS = {None: "#768692", "improvement": "#005eb8", "concern": "#ed8b00", "neutral": "#330072"}


class Drawn(Protocol):
    @property
    def point(self) -> spc.Point: ...

    @property
    def in_period(self) -> bool: ...


def _polyline(coords: Sequence[tuple[float, float]], **attrs: str) -> str:
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    extra = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f'<polyline points="{points}" fill="none" {extra}/>'


def chart_svg(drawn: Sequence[Drawn], label: str) -> str:
    """The series as an SVG image named ``label`` (its accessible name and tooltip)."""
    n = len(drawn)
    if n == 0:
        return ""
    scale = [
        v
        for c in drawn
        for v in (c.point.value, c.point.upper_limit, c.point.lower_limit)
        if is_bounded(v)
    ] or [0.0]
    low, high = min(scale), max(scale)
    if high == low:
        low, high = low - 1, high + 1
    step = (WIDTH - 2 * PAD) / max(n - 1, 1)

    def x(i: int) -> float:
        return PAD + (i * step if n > 1 else (WIDTH - 2 * PAD) / 2)

    def y(v: float) -> float:
        v = min(max(v, low), high)
        return PAD + (HEIGHT - 2 * PAD) * (high - v) / (high - low)

    inside = [i for i, c in enumerate(drawn) if c.in_period]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img"><title>{html.escape(label)}</title>'
    ]
    if inside:
        left = max(x(inside[0]) - step / 2, 0)
        right = min(x(inside[-1]) + step / 2, WIDTH)
        parts.append(
            f'<rect class="period" x="{left:.1f}" y="0" width="{right - left:.1f}" '
            f'height="{HEIGHT}" fill="#fff9c4" stroke="#ffb81c"/>'
        )
    for name, dash in (("upper_limit", "6 4"), ("lower_limit", "6 4"), ("mean", "")):
        coords = [(x(i), y(getattr(c.point, name))) for i, c in enumerate(drawn)]
        parts.append(
            _polyline(coords, stroke="#425563", stroke_width="1", stroke_dasharray=dash or "none")
        )
    values = [(x(i), y(c.point.value)) for i, c in enumerate(drawn)]
    parts.append(_polyline(values, stroke="#768692", stroke_width="1.5"))
    parts.extend(
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{COLOURS[c.point.nature]}"/>'
        for (cx, cy), c in zip(values, drawn, strict=True)
    )
    parts.append("</svg>")
    return "".join(parts)
