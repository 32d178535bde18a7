"""Inline SVG charts for the HTML report, drawn in Python: no plotting library, no script.

Three shapes cover the report: a line chart (recall@k), grouped bars with interval whiskers
(per-slice figures) and an overlaid histogram on a log axis (per-question latency). Each returns
one `<svg>` element as a string, with a `<title>` and a `data-plot` name tests and readers can
find; every label passes through `esc`, so a slice or series name cannot inject markup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import numpy as np

SUBMISSION = "#2563eb"
BASELINE = "#9ca3af"
ACCENT = "#d97706"
GRID = "#e5e7eb"
INK = "#374151"
FONT = "font-family:system-ui,sans-serif;font-size:11px"


@dataclass(frozen=True)
class Series:
    """One named line or bar series; `None` values are gaps."""

    name: str
    values: tuple[float | None, ...]
    color: str
    intervals: tuple[tuple[float, float] | None, ...] | None = None  # whiskers, per value
    dashed: bool = False


@dataclass(frozen=True)
class Samples:
    """Raw values for a histogram."""

    name: str
    values: tuple[float, ...]
    color: str


@dataclass(frozen=True)
class Marker:
    """A labelled vertical line on a histogram."""

    label: str
    value: float
    color: str = INK


@dataclass(frozen=True)
class _Frame:
    width: int
    height: int
    left: int = 44
    right: int = 12
    top: int = 44
    bottom: int = 40

    @property
    def inner_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def inner_h(self) -> float:
        return self.height - self.top - self.bottom

    def y(self, value: float, low: float = 0.0, high: float = 1.0) -> float:
        share = (min(max(value, low), high) - low) / (high - low)
        return self.top + self.inner_h * (1.0 - share)


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def line_chart(
    x_labels: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    plot: str,
    y_label: str = "",
    width: int = 420,
    height: int = 260,
) -> str:
    """Lines over categorical x positions, y in [0, 1]."""
    frame = _Frame(width, height)
    pad = 24  # keeps the first and last labels inside the frame
    step = (frame.inner_w - 2 * pad) / max(1, len(x_labels) - 1)
    xs = [frame.left + pad + i * step for i in range(len(x_labels))]
    parts = [_open(frame, title, plot), *_y_axis(frame, y_label)]
    for x, label in zip(xs, x_labels, strict=True):
        parts.append(_text(x, frame.height - frame.bottom + 16, label, anchor="middle"))
    for item in series:
        points = [(x, frame.y(v)) for x, v in zip(xs, item.values, strict=True) if v is not None]
        if len(points) > 1:
            dash = ' stroke-dasharray="5 4"' if item.dashed else ""
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline fill="none" stroke="{item.color}" stroke-width="2.5"{dash} '
                f'points="{path}"/>'
            )
        for (x, y), value in zip(points, [v for v in item.values if v is not None], strict=True):
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{item.color}">'
                f"<title>{esc(item.name)}: {value:.2f}</title></circle>"
            )
    parts.append(_legend(frame, series))
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    plot: str,
    y_label: str = "",
    width: int = 640,
    height: int = 280,
) -> str:
    """Grouped bars, y in [0, 1], with a whisker per bar where the series has an interval."""
    frame = _Frame(width, height)
    group_w = frame.inner_w / max(1, len(categories))
    bar_w = group_w * 0.7 / max(1, len(series))
    parts = [_open(frame, title, plot), *_y_axis(frame, y_label)]
    for i, category in enumerate(categories):
        x0 = frame.left + i * group_w + group_w * 0.15
        for row, piece in enumerate(category.split("\n")):
            parts.append(
                _text(
                    x0 + group_w * 0.35,
                    frame.height - frame.bottom + 16 + 12 * row,
                    piece,
                    anchor="middle",
                )
            )
        for j, item in enumerate(series):
            value = item.values[i]
            if value is None:
                continue
            x = x0 + j * bar_w
            y = frame.y(value)
            base = frame.y(0.0)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" '
                f'height="{max(base - y, 1.0):.1f}" fill="{item.color}">'
                f"<title>{esc(item.name)} · {esc(category)}: {value:.2f}</title></rect>"
            )
            interval = item.intervals[i] if item.intervals else None
            if interval is not None:
                cx = x + (bar_w - 2) / 2
                lo, hi = frame.y(interval[0]), frame.y(interval[1])
                parts.append(
                    f'<g stroke="{INK}" stroke-width="1.2">'
                    f'<line x1="{cx:.1f}" y1="{lo:.1f}" x2="{cx:.1f}" y2="{hi:.1f}"/>'
                    f'<line x1="{cx - 4:.1f}" y1="{lo:.1f}" x2="{cx + 4:.1f}" y2="{lo:.1f}"/>'
                    f'<line x1="{cx - 4:.1f}" y1="{hi:.1f}" x2="{cx + 4:.1f}" y2="{hi:.1f}"/>'
                    "</g>"
                )
    parts.append(_legend(frame, series))
    parts.append("</svg>")
    return "".join(parts)


def histogram(
    samples: Sequence[Samples],
    *,
    title: str,
    plot: str,
    x_label: str = "ms (log scale)",
    markers: Sequence[Marker] = (),
    bins: int = 24,
    width: int = 640,
    height: int = 260,
) -> str:
    """Overlaid histograms of positive values on a log10 x axis, with optional markers."""
    frame = _Frame(width, height, bottom=46)
    parts = [_open(frame, title, plot)]
    values = [v for s in samples for v in s.values if v > 0]
    if not values:
        parts.append(_text(width / 2, height / 2, "no timed calls", anchor="middle"))
        parts.append("</svg>")
        return "".join(parts)
    low, high = math.log10(min(values)), math.log10(max(values))
    if high - low < 1e-9:
        low, high = low - 0.5, high + 0.5
    low, high = low - 0.02 * (high - low), high + 0.02 * (high - low)
    edges = np.linspace(low, high, bins + 1)
    counts = [
        np.histogram(np.log10([v for v in s.values if v > 0]), bins=edges)[0] for s in samples
    ]
    tallest = max(1, max(int(c.max()) for c in counts if c.size))
    top = math.ceil(tallest * 1.15)  # head room for the marker labels

    def x_of(log_value: float) -> float:
        return frame.left + frame.inner_w * (log_value - low) / (high - low)

    for count in _ticks(0, tallest):
        y = frame.y(count, 0, top)
        parts.append(
            f'<line x1="{frame.left}" y1="{y:.1f}" x2="{width - frame.right}" y2="{y:.1f}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(_text(frame.left - 6, y + 4, str(count), anchor="end"))
    for tick in _log_ticks(low, high):
        x = x_of(math.log10(tick))
        parts.append(
            f'<line x1="{x:.1f}" y1="{frame.top + frame.inner_h:.1f}" x2="{x:.1f}" '
            f'y2="{frame.top + frame.inner_h + 4:.1f}" stroke="{INK}"/>'
        )
        parts.append(_text(x, frame.height - frame.bottom + 16, _tick_label(tick), anchor="middle"))
    parts.append(_text(frame.left + frame.inner_w / 2, frame.height - 8, x_label, anchor="middle"))
    bar_w = frame.inner_w / bins
    for item, count in zip(samples, counts, strict=True):
        for i, c in enumerate(count):
            if not c:
                continue
            y = frame.y(float(c), 0, top)
            parts.append(
                f'<rect x="{x_of(edges[i]):.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" '
                f'height="{frame.y(0, 0, top) - y:.1f}" fill="{item.color}" fill-opacity="0.55">'
                f"<title>{esc(item.name)}: {int(c)} calls in {_tick_label(10 ** edges[i])}–"
                f"{_tick_label(10 ** edges[i + 1])} ms</title></rect>"
            )
    for row, marker in enumerate(markers):
        if marker.value <= 0:
            continue
        x = x_of(math.log10(marker.value))
        parts.append(
            f'<line x1="{x:.1f}" y1="{frame.top:.1f}" x2="{x:.1f}" '
            f'y2="{frame.top + frame.inner_h:.1f}" stroke="{marker.color}" '
            'stroke-dasharray="3 3"/>'
        )
        parts.append(_text(x + 3, frame.top + 10 + 11 * row, marker.label, anchor="start"))
    legend = [Series(s.name, (), s.color) for s in samples]
    parts.append(_legend(frame, legend))
    parts.append("</svg>")
    return "".join(parts)


def _open(frame: _Frame, title: str, plot: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="plot" data-plot="{esc(plot)}" '
        f'width="{frame.width}" height="{frame.height}" '
        f'viewBox="0 0 {frame.width} {frame.height}" role="img" aria-label="{esc(title)}" '
        f'style="{FONT}"><title>{esc(title)}</title>'
        f'<rect x="0" y="0" width="{frame.width}" height="{frame.height}" fill="#fff"/>'
        f'<text x="{frame.left}" y="16" fill="{INK}" style="font-weight:600;font-size:12px">'
        f"{esc(title)}</text>"
    )


def _y_axis(frame: _Frame, label: str) -> list[str]:
    parts = []
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = frame.y(tick)
        parts.append(
            f'<line x1="{frame.left}" y1="{y:.1f}" x2="{frame.width - frame.right}" '
            f'y2="{y:.1f}" stroke="{GRID}"/>'
        )
        parts.append(_text(frame.left - 6, y + 4, f"{tick:.2f}", anchor="end"))
    if label:
        parts.append(
            _text(frame.left + frame.inner_w / 2, frame.height - 8, label, anchor="middle")
        )
    return parts


def _legend(frame: _Frame, series: Sequence[Series]) -> str:
    parts = []
    x = float(frame.left)
    for item in series:
        parts.append(
            f'<rect x="{x:.1f}" y="23" width="10" height="10" fill="{item.color}"/>'
            + _text(x + 14, 32, item.name, anchor="start")
        )
        x += 30 + 6.2 * len(item.name)
    return "<g>" + "".join(parts) + "</g>"


def _text(x: float, y: float, text: str, *, anchor: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" fill="{INK}" text-anchor="{anchor}">{esc(text)}</text>'


def _ticks(low: int, high: int) -> list[int]:
    step = max(1, math.ceil((high - low) / 4))
    return list(range(low, high + 1, step))


def _log_ticks(low: float, high: float) -> list[float]:
    for mantissas in ((1, 2, 5), (1,)):
        ticks = [
            m * 10.0**exponent
            for exponent in range(math.floor(low), math.ceil(high) + 1)
            for m in mantissas
            if low <= math.log10(m * 10.0**exponent) <= high
        ]
        if len(ticks) <= 9:
            return ticks
    return ticks[:: math.ceil(len(ticks) / 9)]


def _tick_label(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.3g}"
    return f"{value:.2g}"
