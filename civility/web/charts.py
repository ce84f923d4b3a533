"""Small server-rendered SVG charts for the stats page (no JavaScript, no build step).

Each function returns one ``<svg>`` element as safe markup: every text is escaped, every
colour and size is a presentation attribute (the Content-Security-Policy forbids inline
styles), and each point or bar carries a ``<title>`` (its value on hover) and, where given,
a link to the comments behind it, named by that title for screen readers. A chart with links
is a labelled ``group``, not an ``img``: an image's content is presentational, so links inside
one could be focused but not announced (axe: nested-interactive).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

#: a colour-blind-safe palette (Okabe–Ito)
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 40


@dataclass(frozen=True)
class Point:
    value: float | None
    title: str
    href: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    points: Sequence[Point]


def _a(s: object) -> str:
    return escape(str(s), quote=True)


def _linked(inner: str, href: str, title: str) -> str:
    return f'<a href="{_a(href)}" aria-label="{_a(title)}">{inner}</a>' if href else inner


def _frame(label: str, body: list[str], *, height: int = HEIGHT) -> SafeString:
    role = "group" if any(part.startswith("<a ") for part in body) else "img"
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="{role}" '
        f'aria-label="{_a(label)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>'
        + "".join(body) + "</svg>")


def _y_axis(top_value: float, fmt: str, *, ticks: int = 4) -> list[str]:
    out = []
    for i in range(ticks + 1):
        v = top_value * i / ticks
        y = TOP + (HEIGHT - TOP - BOTTOM) * (1 - i / ticks)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6ea"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#555">'
                   f'{escape(fmt.format(v))}</text>')
    return out


def _x_labels(labels: Sequence[str], xs: Sequence[float]) -> list[str]:
    step = max(1, len(labels) // 8)  # at most ~8 labels, so they never overlap
    return [f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="#555">'
            f'{escape(label)}</text>' for i, (label, x) in enumerate(zip(labels, xs, strict=True)) if i % step == 0]


def line_chart(label: str, x_labels: Sequence[str], series: Sequence[Series], *, top: float = 1.0,
               fmt: str = "{:.0%}") -> SafeString:
    """Lines over categories (weeks); a None value leaves a gap. The legend sits below."""
    n = max(1, len(x_labels))
    inner_w = WIDTH - LEFT - RIGHT
    xs = [LEFT + inner_w * (i + 0.5) / n for i in range(n)]

    def y(v: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(v, top) / top)

    body = _y_axis(top, fmt) + _x_labels(x_labels, xs)
    for k, s in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        # each series a few pixels to the side, so that equal values stay distinct (and clickable)
        shift = (k - (len(series) - 1) / 2) * min(9.0, inner_w / n / max(1, len(series)))
        xs_k = [x + shift for x in xs]
        run: list[str] = []
        runs = []
        for x, p in zip(xs_k, s.points, strict=False):
            if p.value is None:
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(f"{x:.1f},{y(p.value):.1f}")
        if run:
            runs.append(run)
        body += [f'<polyline points="{" ".join(r)}" fill="none" stroke="{colour}" stroke-width="2"/>'
                 for r in runs if len(r) > 1]
        for x, p in zip(xs_k, s.points, strict=False):
            if p.value is not None:
                dot = (f'<circle cx="{x:.1f}" cy="{y(p.value):.1f}" r="4" fill="{colour}">'
                       f'<title>{escape(p.title)}</title></circle>')
                body.append(_linked(dot, p.href, p.title))
    legend_y = HEIGHT + 8
    x = LEFT
    for k, s in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        body.append(f'<rect x="{x}" y="{legend_y}" width="12" height="12" fill="{colour}"/>'
                    f'<text x="{x + 16}" y="{legend_y + 10}" font-size="12" fill="#222">{escape(s.name)}</text>')
        x += 24 + 8 * len(s.name)
    return _frame(label, body, height=HEIGHT + 28)


def bar_chart(label: str, x_labels: Sequence[str], points: Sequence[Point], *, fmt: str = "{:.0f}",
              colour: str = PALETTE[0]) -> SafeString:
    """One bar per category (days), its value on hover, each bar a link where given."""
    n = max(1, len(points))
    # a multiple of the 4 gridlines, so that whole numbers label them ("0 1 2 3 4", never "0 0 1 1")
    top = 4 * math.ceil(max([p.value or 0 for p in points] + [1]) / 4)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = inner_w / n
    xs = [LEFT + slot * (i + 0.5) for i in range(n)]
    body = _y_axis(top, fmt) + _x_labels(x_labels, xs)
    for x, p in zip(xs, points, strict=True):
        h = inner_h * (p.value or 0) / top
        bar = (f'<rect x="{x - slot * 0.4:.1f}" y="{TOP + inner_h - h:.1f}" width="{slot * 0.8:.1f}" '
               f'height="{max(h, 0):.1f}" fill="{colour}"><title>{escape(p.title)}</title></rect>')
        body.append(_linked(bar, p.href, p.title))
    return _frame(label, body)


def stacked_bars(label: str, rows: Sequence[tuple[str, Sequence[Point]]], names: Sequence[str]) -> SafeString:
    """Horizontal bars, one row per person, split into parts (approved, rejected), each part a link."""
    row_h, name_w = 26, 140
    height = TOP + row_h * max(1, len(rows)) + 30
    top = max([sum(p.value or 0 for p in parts) for _, parts in rows] + [1])
    inner_w = WIDTH - name_w - RIGHT - 40
    body = []
    for i, (who, parts) in enumerate(rows):
        y = TOP + i * row_h
        body.append(f'<text x="{name_w - 8}" y="{y + 16}" text-anchor="end" font-size="12" fill="#222">'
                    f'{escape(who)}</text>')
        x = float(name_w)
        for k, p in enumerate(parts):
            w = inner_w * (p.value or 0) / top
            if w > 0:
                rect = (f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                        f'fill="{PALETTE[k % len(PALETTE)]}"><title>{escape(p.title)}</title></rect>')
                body.append(_linked(rect, p.href, p.title))
            x += w
        total = sum(p.value or 0 for p in parts)
        body.append(f'<text x="{x + 6:.1f}" y="{y + 16}" font-size="12" fill="#222">{total:.0f}</text>')
    y = TOP + row_h * max(1, len(rows)) + 8
    x = name_w
    for k, name in enumerate(names):
        body.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>'
                    f'<text x="{x + 16}" y="{y + 10}" font-size="12" fill="#222">{escape(name)}</text>')
        x += 24 + 8 * len(name)
    return _frame(label, body, height=height)
