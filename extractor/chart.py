"""Series as pictures: a self-contained SVG chart per series, and an HTML page with them all.

No script, font or request: every point is a link to its fact on the review page
(`factsheet render` output) with the quote in its `<title>`.  A range is a bar from min to
max; an approximate value is a hollow dashed circle, "nearly" a hollow circle, "more than" /
"at least" a triangle pointing up, "less than" / "at most" one pointing down.  Statements
without a year or date are listed in the page's table, not drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from extractor import humanize
from extractor.series import Point, Series, _position

W, H = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 78, 24, 44, 74
INK = {
    "aid": "#b07d00",
    "spending": "#3d8b1f",
    "exercise": "#1f6fb2",
    "casualties": "#c0392b",
    "other": "#6f4bb2",
}


def _short(value: float) -> str:
    """Axis labels: 300K, 1.2M, 4.5B, 2.5."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{value / size:.2f}".rstrip("0").rstrip(".") + suffix
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    span = high - low
    if span <= 0:
        return [low]
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = (low // step) * step
    ticks, value = [], first
    while value <= high + step * 1e-9:
        if value >= low - step * 1e-9:
            ticks.append(round(value, 10))
        value += step
    return ticks


def _bounds(p: Point) -> tuple[float, float]:
    """What to draw: the range, or the value (an open bound is drawn at the value)."""
    q = p.fact.quantity
    if q.value is not None:
        return float(q.value), float(q.value)
    return float(q.min or 0), float(q.max if q.max is not None else q.min or 0)


def _marker(p: Point, cx: float, to_y: Callable[[float], float], colour: str) -> str:
    low, high = _bounds(p)
    qualifier = p.fact.quantity.qualifier
    if p.fact.quantity.value is None:  # a range: a bar from min to max
        top, bottom = to_y(high), to_y(low)
        dash = ' stroke-dasharray="3 2"' if qualifier == "approximate" else ""
        return (
            f'<rect class="range" x="{cx - 5:.1f}" y="{top:.1f}" width="10" '
            f'height="{max(bottom - top, 2):.1f}" fill="{colour}" fill-opacity="0.35" '
            f'stroke="{colour}" stroke-width="1.5"{dash}/>'
        )
    cy = to_y(low)
    if qualifier in ("more_than", "at_least", "less_than", "at_most"):
        up = qualifier in ("more_than", "at_least")
        d = -1 if up else 1
        tip, base = cy + d * 9, cy - d * 5
        return (
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{cx:.1f}" y2="{cy + d * 22:.1f}" '
            f'stroke="{colour}" stroke-dasharray="2 2"/>'
            f'<polygon class="{qualifier}" points="{cx:.1f},{tip:.1f} {cx - 6:.1f},{base:.1f} '
            f'{cx + 6:.1f},{base:.1f}" fill="{colour}"/>'
        )
    if qualifier in ("approximate", "nearly"):
        dash = ' stroke-dasharray="3 2"' if qualifier == "approximate" else ""
        return (
            f'<circle class="{qualifier}" cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
        )
    return f'<circle class="exact" cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour}"/>'


def _tooltip(p: Point) -> str:
    when = f" ({p.when})" if p.when else ""
    return f"{p.words} — “{p.fact.span.quote}” — {p.title}{when} [{p.fact.id}]"


def render_svg(series: Series, *, pages: str = "", standalone: bool = True) -> str:
    """One series as an SVG chart (see the module docstring)."""
    colour = INK.get(series.family, "#333")
    drawn = [p for p in series.points if p.x is not None]
    xs = [_position(p.x) or 0.0 for p in drawn]
    x_low, x_high = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if x_high - x_low < 2:
        x_low, x_high = x_low - 1, x_high + 1
    pad = (x_high - x_low) * 0.06  # room for markers side by side at the ends
    x_low, x_high = x_low - pad, x_high + pad
    values = [v for p in drawn for v in _bounds(p)]
    y_high = max(values) * 1.12 if values and max(values) > 0 else 1.0
    y_low = min(0.0, min(values) * 1.12) if values else 0.0
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def to_x(x: float) -> float:
        return LEFT + (x - x_low) / (x_high - x_low) * plot_w

    def to_y(v: float) -> float:
        return TOP + plot_h - (v - y_low) / (y_high - y_low) * plot_h

    parts: list[str] = []
    for tick in _ticks(y_low, y_high):
        y = to_y(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="#e3e3e8"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{_short(tick)}</text>'
        )
    for tick in _ticks(x_low, x_high, 8):
        if float(tick).is_integer():
            x = to_x(tick)
            parts.append(
                f'<line x1="{x:.1f}" y1="{TOP + plot_h}" x2="{x:.1f}" y2="{TOP + plot_h + 5}" '
                f'stroke="#888"/><text x="{x:.1f}" y="{TOP + plot_h + 19}" '
                f'text-anchor="middle">{int(tick)}</text>'
            )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{W - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#888"/>'
    )
    seen: dict[float, int] = {}
    for p, x in zip(drawn, xs, strict=True):
        nth = seen.get(x, 0)
        seen[x] = nth + 1
        offset = (nth + 1) // 2 * 13 * (1 if nth % 2 else -1)  # side by side at one x
        cx = to_x(x) + offset
        parts.append(
            f'<a href="{escape(p.href(pages))}" data-fact="{escape(p.fact.id)}">'
            f"<title>{escape(_tooltip(p))}</title>{_marker(p, cx, to_y, colour)}</a>"
        )
    unit = escape(humanize.plural(series.unit, 2) if series.unit else "")
    hidden = len(series.points) - len(drawn)
    note = f" · {hidden} without a date (in the table)" if hidden else ""
    legend_y = H - 22
    legend = (
        f'<g class="legend" transform="translate({LEFT},{legend_y})">'
        f'<circle cx="0" cy="-4" r="4" fill="{colour}"/><text x="8" y="0">exact</text>'
        f'<circle cx="62" cy="-4" r="5" fill="#fff" stroke="{colour}" stroke-width="2" '
        f'stroke-dasharray="3 2"/><text x="71" y="0">approximate</text>'
        f'<circle cx="165" cy="-4" r="5" fill="#fff" stroke="{colour}" stroke-width="2"/>'
        f'<text x="174" y="0">nearly</text>'
        f'<polygon points="232,-10 227,-1 237,-1" fill="{colour}"/>'
        f'<text x="242" y="0">more than / at least</text>'
        f'<polygon points="385,2 380,-7 390,-7" fill="{colour}"/>'
        f'<text x="395" y="0">less than / at most</text>'
        f'<rect x="530" y="-12" width="8" height="14" fill="{colour}" fill-opacity="0.35" '
        f'stroke="{colour}"/><text x="543" y="0">range</text></g>'
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" '
        f'height="{H}" role="img" aria-label="{escape(series.name)}" '
        'font-family="system-ui, sans-serif" font-size="12" fill="#1d1d1f">'
    )
    prolog = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return (
        f"{prolog}{head}<title>{escape(series.name)}</title>"
        f'<rect width="{W}" height="{H}" fill="#fff"/>'
        f'<text x="{LEFT}" y="22" font-size="14" font-weight="600">'
        f"{escape(series.name)}</text>"
        f'<text x="{LEFT}" y="38" fill="#5f6368">{len(drawn)} points, {unit}{note}</text>'
        + "".join(parts)
        + legend
        + "</svg>\n"
    )


PAGE_CSS = """
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1d1d1f; background: #fafafa; }
header, main { padding: 1rem 1.5rem; } header { background: #fff; border-bottom: 1px solid #ddd; }
h1 { margin: 0; font-size: 1.35rem; } h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem 1rem;
          margin-bottom: 1rem; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e3e3e8;
         vertical-align: top; }
td.wrap { overflow-wrap: anywhere; } nav ol { columns: 2; }
"""


def render_html(all_series: list[Series], *, pages: str = "") -> str:
    """Every series of a corpus: a list of them, then each chart with a table of its points."""
    toc = "\n".join(
        f'<li><a href="#{escape(s.slug)}">{escape(s.name)}</a> ({len(s.points)})</li>'
        for s in all_series
    )
    sections = []
    for s in all_series:
        rows = "\n".join(
            f"<tr><td>{escape(p.when)}</td><td>{escape(p.words)}</td>"
            f'<td class="wrap"><a href="{escape(p.href(pages))}">'
            f'{escape(p.fact.span.quote)}</a></td><td class="wrap">{escape(p.title)}</td></tr>'
            for p in s.points
        )
        sections.append(
            f'<section id="{escape(s.slug)}"><h2>{escape(s.name)}</h2>\n'
            f"{render_svg(s, pages=pages, standalone=False)}"
            '<table><thead><tr><th scope="col">when</th><th scope="col">value</th>'
            '<th scope="col">quote</th><th scope="col">document</th></tr></thead>'
            f"<tbody>\n{rows}\n</tbody></table></section>"
        )
    body = "\n".join(sections)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>factsheet — series</title>
<style>{PAGE_CSS}</style>
</head>
<body>
<header><h1>Series</h1><p>{len(all_series)} series; each point links to its fact.</p></header>
<main>
<nav aria-label="Series"><ol>
{toc}
</ol></nav>
{body}
</main>
</body>
</html>
"""
