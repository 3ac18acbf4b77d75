"""The index of a rendered folder: every document with its facts counted per family, every fact
with a link to its mark, a family filter (CSS, no script) and a search box.

Without JavaScript the index is a plain page that lists everything (the family filter still
works; the browser's find does the rest).  With it, the search box appears and filters
documents and facts as you type (`index.html?q=nanking` works too).  A Content Security
Policy allows this one inline script, by its hash, and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from extractor.model import FactSheet
from extractor.render import CSS, FAMILY_COLOURS, _family_css, page_href, value_text

SCRIPT = """(function () {
  var form = document.getElementById("search"), box = document.getElementById("q");
  var rows = document.querySelectorAll("tr[data-search]"), shown = document.getElementById("shown");
  form.hidden = false;
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean), facts = 0, docs = 0;
    rows.forEach(function (row) {
      var hit = words.every(function (w) { return row.dataset.search.indexOf(w) >= 0; });
      row.hidden = !hit;
      if (hit) { if (row.classList.contains("fact")) { facts++; } else { docs++; } }
    });
    shown.textContent = words.length ? docs + " documents, " + facts + " facts match" : "";
  }
  box.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) { box.value = asked; }
  apply();
})();"""

INDEX_CSS = """
.search { display: flex; gap: .5rem; align-items: center; margin-top: .6rem; }
.search input { font: inherit; padding: .3rem .5rem; width: min(32rem, 100%);
                border: 1px solid var(--line); border-radius: 4px; }
.search[hidden] { display: none; }
#shown { color: var(--muted); font-size: .9rem; }
section h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
.layout.index { grid-template-columns: minmax(0, 1fr); }
"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"


def _search_text(*parts: object) -> str:
    return escape(" ".join(str(p) for p in parts if p).lower())


def render_index(pages: list[tuple[str, FactSheet]]) -> str:
    """`pages`: (file name of the rendered page, its sheet), in the order to list them."""
    families = list(FAMILY_COLOURS)
    total = sum(len(s.facts) for _, s in pages)
    doc_rows, fact_rows = [], []
    for name, sheet in pages:
        src, href = sheet.source, page_href(name)
        title = src.title or src.id
        counts = "".join(
            f'<td class="num">{sum(1 for f in sheet.facts if f.family == fam) or ""}</td>'
            for fam in families
        )
        words = _search_text(
            title,
            src.id,
            src.published,
            src.byline,
            *(f.claim for f in sheet.facts),
            *(f.span.quote for f in sheet.facts),
        )
        doc_rows.append(
            f'<tr class="doc" data-search="{words}"><td><a href="{escape(href)}">'
            f'{escape(title)}</a></td><td class="keep">{escape(str(src.published or ""))}</td>'
            f'<td class="num">{len(sheet.facts)}</td>{counts}</tr>'
        )
        for fact in sheet.facts:
            words = _search_text(
                title,
                src.id,
                fact.family,
                fact.span.quote,
                fact.claim,
                value_text(fact),
                fact.donor,
                fact.recipient,
                fact.event,
                fact.year,
            )
            fact_rows.append(
                f'<tr class="fact fam-{fact.family}" data-search="{words}">'
                f"<td>{escape(title)}</td>"
                f'<td class="keep"><span class="swatch fam-{fact.family}"></span>{fact.family}</td>'
                f'<td class="value">{escape(value_text(fact))}</td>'
                f'<td class="wrap"><a href="{escape(href)}#fact-{escape(fact.id)}">'
                f'{escape(fact.span.quote)}</a></td><td class="wrap">{escape(fact.claim)}</td></tr>'
            )
    present = [f for f in families if any(x.family == f for _, s in pages for x in s.facts)]
    inputs = ['<input type="radio" name="family" id="f-all" checked>']
    labels = [f'<label for="f-all">all ({total})</label>']
    for family in present:
        count = sum(1 for _, s in pages for x in s.facts if x.family == family)
        inputs.append(f'<input type="radio" name="family" id="f-{family}">')
        labels.append(f'<label for="f-{family}" class="fam-{family}">{family} ({count})</label>')
    family_heads = "".join(f'<th scope="col" class="num">{f}</th>' for f in families)
    nl = "\n"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_csp()}">
<title>factsheet — documents</title>
<style>{CSS}
{INDEX_CSS}
{_family_css(present)}
</style>
</head>
<body>
<header><h1>Fact sheets</h1><p>{len(pages)} documents · {total} facts</p>
<form id="search" class="search" role="search" hidden>
<label for="q">Search documents and facts</label>
<input type="search" id="q" name="q" placeholder="e.g. Nanking, NZ, exercise">
<span id="shown" aria-live="polite"></span>
</form>
<noscript><p>Every document and fact is listed below; the family filter works without
JavaScript, and your browser's find (Ctrl+F) searches the page.</p></noscript>
</header>
<div class="page">
{"".join(inputs)}
<div class="filters" role="group" aria-label="Show facts of one family">
<span>Facts:</span>
{"".join(labels)}
</div>
<div class="layout index">
<section aria-label="Documents">
<h2>Documents</h2>
<table id="documents">
<thead><tr><th scope="col">document</th><th scope="col">published</th>
<th scope="col" class="num">facts</th>{family_heads}</tr></thead>
<tbody>
{nl.join(doc_rows)}
</tbody>
</table>
</section>
<section aria-label="Facts">
<h2>Facts</h2>
<table id="facts">
<thead><tr><th scope="col">document</th><th scope="col">family</th><th scope="col">value</th>
<th scope="col">quote</th><th scope="col">claim</th></tr></thead>
<tbody>
{nl.join(fact_rows)}
</tbody>
</table>
</section>
</div>
</div>
<script>{SCRIPT}</script>
</body>
</html>
"""
