"""A monthly timeline as inline SVG: bars per month, readable without JavaScript."""

from __future__ import annotations

from collections import Counter
from html import escape

from news_archive.site.i18n import Translator

WIDTH, HEIGHT, AXIS = 720, 120, 18


def month_span(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    months, (year, month) = [], first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def render_timeline(counts: Counter, t: Translator, label: str) -> str:
    """Bars from the first to the last month with articles; each bar has a tooltip title."""
    if not counts:
        return ""
    months = month_span(min(counts), max(counts))
    peak = max(counts.values())
    step = WIDTH / len(months)
    bar = min(max(step * 0.8, 1.0), 40.0)
    chart = HEIGHT - AXIS
    parts = [
        f'<svg class="na-timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}"'
        f' xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(label)}</title>",
        f'<line class="na-axis" x1="0" y1="{chart}" x2="{WIDTH}" y2="{chart}"/>',
    ]
    labelled_years = _year_labels(months, step)
    for i, (year, month) in enumerate(months):
        n = counts.get((year, month), 0)
        x = i * step + (step - bar) / 2
        if n:
            h = max(chart * n / peak, 2.0)
            tip = escape(f"{t.month(year, month)}: {t.articles(n)}")
            parts.append(
                f'<rect class="na-bar" x="{x:.1f}" y="{chart - h:.1f}" width="{bar:.1f}" height="{h:.1f}">'
                f"<title>{tip}</title></rect>"
            )
        if (year, month) in labelled_years:
            text = str(year) if len(months) > 12 else t.month_short(month)
            parts.append(f'<text class="na-label" x="{i * step + 1:.1f}" y="{HEIGHT - 4}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _year_labels(months: list[tuple[int, int]], step: float) -> set[tuple[int, int]]:
    """Label every month on short spans, January (or the first month) of years on long ones."""
    if len(months) <= 12:
        return set(months) if step >= 40 else {months[0], months[-1]}
    starts = [m for i, m in enumerate(months) if m[1] == 1 or i == 0]
    every = max(1, int(48 // (step * 12)) + 1) if step * 12 < 48 else 1
    return {m for i, m in enumerate(starts) if i % every == 0}
