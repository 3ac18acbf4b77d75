"""Series and conflicts as text: CSV and JSON for series, text, Markdown and JSON for conflicts.

Every statement keeps its quote, document, date and fact id, so a reader can check it; nothing
is summed, averaged or converted.
"""

from __future__ import annotations

import csv
import io
import json

from extractor.series import Group, Point, Series, point_data

# The version of the JSON of `series` and `conflicts`; it grows by adding keys only.
SCHEMA_VERSION = 1

SERIES_COLUMNS = (
    "series",
    "family",
    "key",
    "x",
    "year",
    "value",
    "min",
    "max",
    "unit",
    "qualifier",
    "text",
    "quote",
    "document",
    "published",
    "fact_id",
    "href",
)


def series_csv(all_series: list[Series], pages: str = "") -> str:
    """One row per point, in series order then time order."""
    from extractor.safety import spreadsheet_safe

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SERIES_COLUMNS)
    for s in all_series:
        key = "; ".join(f"{k}={v}" for k, v in s.key if v)
        for p in s.points:
            row = {"series": s.name, "family": s.family, "key": key, **point_data(p, pages)}
            writer.writerow(
                [
                    spreadsheet_safe(v) if isinstance(v, str) else ("" if v is None else v)
                    for v in (row[c] for c in SERIES_COLUMNS)
                ]
            )
    return buffer.getvalue()


def series_json(all_series: list[Series], pages: str = "") -> str:
    data = {"schema_version": SCHEMA_VERSION, "series": [s.to_data(pages) for s in all_series]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _statement(p: Point) -> str:
    date = p.published.isoformat() if p.published else "no date"
    return f"{p.words}  “{p.fact.span.quote}”  {p.document} ({date}) [{p.fact.id}]"


def _summary(groups: list[Group]) -> str:
    conflicts = sum(1 for g in groups if g.verdict == "conflict")
    return f"{conflicts} conflict(s), {len(groups) - conflicts} compatible"


def _sets(g: Group) -> str:
    return f" ({g.set_count} sets of figures that cannot all be true)" if g.set_count > 1 else ""


def conflicts_text(groups: list[Group]) -> str:
    """One block per measure; a letter per statement names its set of compatible figures."""
    lines = []
    for g in groups:
        when = f" · {g.when}" if g.when else ""
        lines.append(f"{g.verdict.upper()} {g.series.name}{when}{_sets(g)}")
        lines.extend(
            f"  {chr(ord('a') + n)}  {_statement(p)}" for p, n in zip(g.points, g.sets, strict=True)
        )
    lines.append(_summary(groups) if groups else "no conflicting figures")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\n", " ")
    )


def conflicts_markdown(groups: list[Group], pages: str = "") -> str:
    """For a fact-checker: one table per measure, the statements side by side."""
    out = ["### factsheet conflicts", "", f"**{_summary(groups)}**"]
    if not groups:
        out[-1] = "No conflicting figures."
    for g in groups:
        when = f" · {g.when}" if g.when else ""
        out += [
            "",
            f"#### {g.verdict}: {_cell(g.series.name)}{_cell(when)}{_sets(g)}",
            "",
            "| set | value | quote | document | date | fact |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for p, n in zip(g.points, g.sets, strict=True):
            date = p.published.isoformat() if p.published else ""
            link = f"[`{p.fact.id}`]({p.href(pages)})" if pages else f"`{p.fact.id}`"
            out.append(
                f"| {chr(ord('a') + n)} | {_cell(p.words)} | {_cell(p.fact.span.quote)} "
                f"| {_cell(p.title)} | {date} | {link} |"
            )
    return "\n".join(out) + "\n"


def conflicts_json(groups: list[Group], pages: str = "") -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "summary": _summary(groups),
        "groups": [g.to_data(pages) for g in groups],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
