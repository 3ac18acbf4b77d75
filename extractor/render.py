"""A review page per document: the source text with every fact as a <mark>, a facts table that
links to the marks, and a filter by family.

Self-contained (inline CSS, no script, no fonts or requests), so it reads the same with
JavaScript off.  The filter is a row of radio buttons styled with CSS; hovering or focusing a
mark shows its value, unit, qualifier and claim; every mark and link is reachable by keyboard.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from extractor import humanize
from extractor.model import Fact, FactSheet, Source

FAMILY_COLOURS = {
    "aid": "#f6c85f",
    "spending": "#9dd866",
    "exercise": "#6fb7f2",
    "casualties": "#f2817b",
    "other": "#c9b3f2",
}

CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif;
       color: var(--ink); background: #fafafa; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid var(--line); background: #fff; }
header h1 { margin: 0 0 .25rem; font-size: 1.35rem; }
header p { margin: 0; color: var(--muted); font-size: .9rem; }
.filters { padding: .6rem 1.5rem; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center;
           background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0;
           z-index: 2; }
.filters > span { color: var(--muted); margin-right: .3rem; }
.page > input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.filters label { padding: .15rem .6rem; border-radius: 1rem; border: 1px solid var(--line);
                 cursor: pointer; font-size: .9rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem; padding: 1.5rem; }
@media (min-width: 1700px) { .layout { grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); } }
nav { font-size: .9rem; margin-bottom: .35rem; }
nav a { color: #1a0dab; }
.source pre { white-space: pre-wrap; word-wrap: break-word; font: inherit; margin: 0;
              background: #fff; padding: 1rem 1.25rem; border: 1px solid var(--line);
              border-radius: 6px; }
mark { position: relative; padding: 0 .1em; border-radius: 3px; color: inherit;
       border-bottom: 2px solid rgba(0,0,0,.35); scroll-margin: 6rem; }
mark:focus { outline: 3px solid #1a73e8; outline-offset: 1px; }
mark:target { outline: 3px solid #1a73e8; }
mark .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 3; width: 22rem;
            max-width: 80vw; padding: .5rem .65rem; background: #202124; color: #fff;
            font-size: .85rem; line-height: 1.4; border-radius: 5px; white-space: normal;
            box-shadow: 0 2px 8px rgba(0,0,0,.25); }
mark:hover .tip, mark:focus .tip { display: block; }
aside { align-self: start; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
@media (min-width: 1700px) { aside { position: sticky; top: 3.6rem; max-height: calc(100vh - 5rem);
                                     overflow: auto; } }
table { width: 100%; border-collapse: collapse; background: #fff; font-size: .9rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { white-space: nowrap; }
td.wrap { overflow-wrap: anywhere; }
td.keep { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
details.cite summary { cursor: pointer; color: var(--muted); font-size: .8rem; }
details.cite .text { display: block; user-select: all; -webkit-user-select: all; margin-top: .2rem;
                     padding: .3rem .4rem; background: #f1f1f4; border-radius: 4px;
                     font-size: .8rem; }
th { position: sticky; top: 0; background: #f1f1f4; }
td a { color: inherit; }
td .swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px;
             margin-right: .35rem; vertical-align: baseline; }
.value { font-variant-numeric: tabular-nums; }
footer { padding: 0 1.5rem 1.5rem; color: var(--muted); font-size: .8rem; }
"""


def _family_css(families: list[str]) -> str:
    rules = []
    for family, colour in FAMILY_COLOURS.items():
        rules.append(f"mark.fam-{family} {{ background: {colour}; }}")
        rules.append(f".swatch.fam-{family}, label.fam-{family} {{ background: {colour}; }}")
    for family in ["all", *families]:
        chosen = f'#f-{family}:checked ~ .filters label[for="f-{family}"]'
        rules.append(f"{chosen} {{ border-color: #1d1d1f; font-weight: 600; }}")
        focused = f'#f-{family}:focus-visible ~ .filters label[for="f-{family}"]'
        rules.append(f"{focused} {{ outline: 3px solid #1a73e8; outline-offset: 2px; }}")
    for family in families:
        # a chosen family: other marks fade, other rows hide
        rules.append(
            f"#f-{family}:checked ~ .layout mark:not(.fam-{family}) "
            "{ background: transparent; border-bottom-color: transparent; }"
        )
        rules.append(
            f"#f-{family}:checked ~ .layout tr.fact:not(.fam-{family}) {{ display: none; }}"
        )
    return "\n".join(rules)


def value_text(fact: Fact) -> str:
    """`nearly A$250 million`, `40,000–90,000 people`, `more than 2% of GDP`."""
    return humanize.quantity(fact.quantity.model_dump(exclude_none=True))


# The attribution columns of the facts table, in this order.
TABLE_FIELDS = ("donor", "recipient", "subject", "event", "year", "scope")

# No script may run on a review page, whatever a sheet holds; styles are inline.
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _field_text(fact: Fact, name: str) -> str:
    value = getattr(fact, name)
    if value is None:
        return ""
    return ", ".join(value) if isinstance(value, list) else str(value)


def citation(fact: Fact, source: Source) -> str:
    """A citation a reader can paste: quote, title, date, byline and where in the source."""
    parts = [f"“{fact.span.quote}”", source.title or source.id]
    if source.published:
        parts.append(source.published.isoformat())
    if source.byline:
        parts.append(source.byline)
    parts.append(f"{source.path}, line {fact.span.line}")
    return " — ".join(parts[:2]) + ", " + ", ".join(parts[2:]) + f" (factsheet {fact.id})"


def _marked_text(text: str, facts: list[Fact]) -> str:
    parts: list[str] = []
    pos = 0
    for fact in sorted(facts, key=lambda f: (f.span.start, f.span.end)):
        start, end = fact.span.start, fact.span.end
        if start < pos:
            continue  # never nest marks; spans do not overlap in practice
        parts.append(escape(text[pos:start]))
        tip = f"{value_text(fact)} — {fact.claim} [{fact.family}, {fact.rule}]"
        parts.append(
            f'<mark id="fact-{escape(fact.id)}" class="fam-{fact.family}" tabindex="0" '
            f'data-fact="{escape(fact.id)}" aria-describedby="tip-{escape(fact.id)}">'
            f"{escape(text[start:end])}"
            f'<span class="tip" role="tooltip" id="tip-{escape(fact.id)}">{escape(tip)}</span>'
            "</mark>"
        )
        pos = end
    parts.append(escape(text[pos:]))
    return "".join(parts)


def render_page(sheet: FactSheet, text: str, *, index_href: str | None = None) -> str:
    """The review page of one document; `index_href` adds a link back to the index."""
    source = sheet.source
    title = source.title or source.id
    families = [f for f in FAMILY_COLOURS if any(x.family == f for x in sheet.facts)]
    meta = " · ".join(
        escape(str(x))
        for x in (source.published, source.byline, source.path, f"{len(sheet.facts)} facts")
        if x
    )
    inputs = ['<input type="radio" name="family" id="f-all" checked>']
    labels = [f'<label for="f-all">all ({len(sheet.facts)})</label>']
    for family in families:
        count = sum(1 for f in sheet.facts if f.family == family)
        inputs.append(f'<input type="radio" name="family" id="f-{family}">')
        labels.append(f'<label for="f-{family}" class="fam-{family}">{family} ({count})</label>')
    rows = []
    for fact in sheet.facts:
        fields = "".join(
            f'<td class="keep">{escape(_field_text(fact, k))}</td>'
            if k in ("year", "scope", "donor", "recipient")
            else f"<td>{escape(_field_text(fact, k))}</td>"
            for k in TABLE_FIELDS
        )
        rows.append(
            f'<tr class="fact fam-{fact.family}" data-fact="{escape(fact.id)}">'
            f'<td class="num">{fact.span.line}</td>'
            f'<td class="wrap"><a href="#fact-{escape(fact.id)}">{escape(fact.span.quote)}</a></td>'
            f'<td class="value">{escape(value_text(fact))}</td>'
            f'<td class="keep"><span class="swatch fam-{fact.family}"></span>{fact.family}</td>'
            f'{fields}<td class="wrap">{escape(fact.claim)}'
            f'<details class="cite"><summary>copy as citation</summary>'
            f'<span class="text">{escape(citation(fact, source))}</span></details></td></tr>'
        )
    nav = f'<nav><a href="{escape(index_href)}">← All documents</a></nav>\n' if index_href else ""
    heads = "".join(f'<th scope="col">{k}</th>' for k in TABLE_FIELDS)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{PAGE_CSP}">
<title>{escape(title)} — factsheet</title>
<style>{CSS}
{_family_css(families)}
</style>
</head>
<body>
<header>
{nav}<h1>{escape(title)}</h1>
<p>{meta}</p>
</header>
<div class="page">
{"".join(inputs)}
<div class="filters" role="group" aria-label="Show facts of one family">
<span>Show:</span>
{"".join(labels)}
</div>
<div class="layout">
<main class="source" aria-label="Source text with facts marked">
<pre>{_marked_text(text, sheet.facts)}</pre>
</main>
<aside aria-label="Facts">
<table>
<thead><tr><th scope="col" class="num">line</th><th scope="col">quote</th>
<th scope="col">value</th><th scope="col">family</th>{heads}<th scope="col">claim</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</aside>
</div>
</div>
<footer>Generated by factsheet from {escape(source.path)} (sha256 {escape(source.sha256[:12])}…).
Each fact links to its place in the text.</footer>
</body>
</html>
"""


def page_href(name: str) -> str:
    """A relative link to a page in the same folder: every character outside the unreserved
    set percent-encoded, so no name can become a scheme (`javascript:`) or leave the folder."""
    return "./" + quote(name.replace("/", "_"), safe="")
