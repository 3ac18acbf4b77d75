"""HTML pages as the text a reader sees, and the metadata the page states.

Read with the standard library's `html.parser` (CPython's, maintained with the language;
lenient with broken markup), so no dependency is added and the output is the same wherever
factsheet runs.  docs/html.md compares it with selectolax, trafilatura and jusText.

- Entities are decoded once, by the parser (`&amp;lt;` stays `&lt;`).
- Table cells are kept apart (`2022 | 285`), one row a line, so figures in adjacent cells never
  run together; `<br>` is a line break and block elements are paragraphs.
- Navigation, footers, asides, forms, scripts, styles, templates and hidden elements are
  dropped, and so is the page's banner `<header>` (a `<header>` inside `<article>` or `<main>`
  is kept: it holds the headline).
- `<title>` is metadata, not text: the headline is counted once, in the body.
- Whitespace collapses as a browser collapses it, except that `<pre>` keeps its line breaks.
- Metadata: the title from `og:title`, else the first `<h1>`, else `<title>` without the site
  name; the date from `article:published_time` (or `datePublished`, `pubdate`, `date`); the
  author from `author` / `article:author` metas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

BLOCKS = frozenset(
    "address article blockquote dd details dialog div dl dt fieldset figcaption figure h1 h2 h3 "
    "h4 h5 h6 hr li main ol p pre section summary ul caption".split()
)
DROPPED = frozenset(
    "script style template noscript nav footer aside form button select textarea svg iframe "
    "object canvas audio video map head".split()
)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dcterms.created",
)
AUTHOR_METAS = ("author", "article:author", "dc.creator", "byl")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: date | None
    byline: str | None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.skip = 0  # depth inside dropped elements
        self.pre = 0
        self.cell_open = False
        self.metas: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.in_h1 = False

    # -- structure --

    def _dropped(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in DROPPED:
            return True
        if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            return True
        role = (attrs.get("role") or "").lower()
        if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
            return True
        return tag == "header" and not any(t in ("article", "main") for t in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {k.lower(): v for k, v in attrs}
        if tag == "meta":
            key = named.get("property") or named.get("name") or named.get("itemprop") or ""
            if key and named.get("content"):
                self.metas.setdefault(key.lower(), str(named["content"]))
            return
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag == "br" and not self.skip:
                self.parts.append("\n")
            return
        if self.skip or self._dropped(tag, named):
            self.skip += 1
            self.stack.append(tag)
            return
        self.stack.append(tag)
        if tag == "pre":
            self.pre += 1
        if tag == "h1":
            self.in_h1 = True
        if tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "tr":
            self.parts.append("\n")
            self.cell_open = False
        elif tag in ("td", "th"):
            if self.cell_open:
                self.parts.append(" | ")
            self.cell_open = True
        elif tag == "table":
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID or tag not in self.stack:
            return  # a stray end tag
        while self.stack:  # close what the page left open inside it
            top = self.stack.pop()
            if self.skip:
                self.skip -= 1
            elif top == "pre":
                self.pre -= 1
            elif top == "h1":
                self.in_h1 = False
            if top in BLOCKS or top == "table":
                self.parts.append("\n\n")
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip:
            return
        text = data if self.pre else _SPACES.sub(" ", data)
        self.parts.append(text)
        if self.in_h1:
            self.h1.append(text)


def _date(value: str | None) -> date | None:
    found = _ISO_DATE.match(value.strip()) if value else None
    if not found:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def _clean(text: str) -> str | None:
    text = " ".join(text.split())
    return text or None


def _site_less(title: str) -> str:
    """`Site | Headline` or `Headline - Site`: the longest part is the headline."""
    for sep in (" | ", " – ", " — ", " - "):
        if sep in title:
            return max(title.split(sep), key=len).strip()
    return title


def read_html(markup: str) -> Page:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    lines = []
    for line in "".join(reader.parts).split("\n"):
        lines.append(line.strip(" ") if not reader.pre else line.rstrip())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    metas = reader.metas
    title = _clean(metas.get("og:title", "")) or _clean("".join(reader.h1))
    if title is None and reader.title_parts:
        page_title = _clean("".join(reader.title_parts))
        title = _site_less(page_title) if page_title else None
    published = next((d for d in (_date(metas.get(k)) for k in DATE_METAS) if d), None)
    byline = next(
        (
            _clean(metas[k])
            for k in AUTHOR_METAS
            if metas.get(k) and not str(metas[k]).startswith(("http://", "https://"))
        ),
        None,
    )
    return Page(text, title, published, byline)
