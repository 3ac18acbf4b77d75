"""Reading documents: bytes -> Document(text, sha256, title, published, byline).

Offsets everywhere in factsheet are Unicode code points into `Document.text`: the decoded file
with a leading BOM removed (for HTML, the visible text of the page).
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
MAX_SHEET_BYTES = 20 * 1024 * 1024  # a fact sheet file (read by yamlio and check)
SUFFIXES = (".txt", ".md", ".html", ".htm")


class DocumentError(Exception):
    """An input that cannot be read as a document; the message names the reason."""


@dataclass(frozen=True)
class Document:
    id: str
    path: str
    text: str
    sha256: str
    title: str | None
    published: date | None
    byline: str | None


class _Lazy:
    """A regex compiled on first use: reading a file's bytes (a check of a current sheet) needs
    none of the metadata patterns below."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def re(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    _Lazy(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    _Lazy(rf"(?i)(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\s+(?P<y>\d{{4}})"),
    _Lazy(rf"(?i)\b{_MONTH_RE}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),
    _Lazy(r"(?<!\d)(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})(?!\d)"),
]
# A site's name as a banner line: "abc.net.au - ...", "Kyiv-Independent.com | ...".
_BANNER = _Lazy(r"^\s*[\w-]+(?:\.[\w-]+)+\s+[-–—|:]\s")
_ANY_MONTH = _MONTH_RE.replace("(?P<mon>", "(?:")
# A date label before the headline on one line: "date 2024-07-11 ...", "Published: 3 March
# 2024 | ...", "Posted on July 11, 2024 - ...", "Updated 11.07.2024".
_DATELINE = _Lazy(
    r"^\s*(?:date[d]?|published|posted|updated|last\s+updated)(?:\s+on)?\s*:?\s*"
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_ANY_MONTH}\s+\d{{4}}"
    rf"|{_ANY_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{4}})"
    r"\s*(?:[-–—|:]\s*)?",
    re.IGNORECASE,
)
_DATE_ONLY = _Lazy(
    r"^\s*(?:posted\s+|published\s+|updated\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"[\w ,./-]{0,25}\d{4}\s*$",
    re.IGNORECASE,
)
_NAME_LINE = _Lazy(
    r"^[A-Z][a-zA-Z.'’-]+(?:\s+(?:[A-Z][a-zA-Z.'’-]+|van|von|de|der|da|bin|al)){1,3}$"
)
_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|van|von|de|der|da|bin|al)){0,3}"
# "By M.K. Bhadrakumar", "By Jane Smith and Tom Jones, Reuters", "*By Sarah Lee | 3 April 2023*"
_BY_LINE = _Lazy(
    rf"^[ \t*_]*By[ \t]+({_NAME}(?:[ \t]+and[ \t]+{_NAME})?)[ \t]*(?:[,|·•–—-].*)?[*_ \t]*$",
    re.MULTILINE,
)


def find_date(text: str) -> tuple[date, int] | None:
    """The first date in `text` and its offset.

    Forms: ISO, '14 July 2024', 'July 15, 2024', 'Sep 26, 2020', '16/06/2023' (day first).
    """
    best: tuple[date, int] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.re.finditer(text):
            groups = m.groupdict()
            try:
                year = int(groups["y"])
                day = int(groups["d"])
                if groups.get("mon"):
                    month = _MONTHS[groups["mon"].lower()]
                else:
                    month = int(groups["m"])
                    if month > 12 and day <= 12 and pattern is _DATE_PATTERNS[3]:
                        day, month = month, day  # a month-first date: 06/16/2023
                found = date(year, month, day)
            except (ValueError, KeyError):
                continue
            if best is None or m.start() < best[1]:
                best = (found, m.start())
            break
    return best


def _head_lines(text: str, wanted: int) -> list[tuple[int, str]]:
    """The first `wanted` non-empty lines of `text` (stripped, with their 0-based numbers), as
    `text.splitlines()` numbers them, without splitting the whole of a big document: a prefix
    is split, and its last line, which the cut may have shortened, is not used."""
    size = 8192
    while True:
        parts = text[:size].splitlines()
        whole = size >= len(text)
        if not whole:
            parts.pop()  # perhaps cut short (or a "\r" whose "\n" is beyond the cut)
        lines = [(i, line.strip()) for i, line in enumerate(parts) if line.strip()]
        if whole or len(lines) >= wanted:
            return lines[:wanted]
        size *= 4


def _metadata(text: str) -> tuple[str | None, date | None, str | None]:
    lines = _head_lines(text, 80)
    head = lines[:12]
    published = None
    date_line = -1
    for i, line in head:
        found = find_date(line)
        if found:
            published, date_line = found[0], i
            break
    title = None
    for _, line in head:
        if _BANNER.re.match(line) or _DATE_ONLY.re.match(line):
            continue
        candidate = _DATELINE.re.sub("", line).lstrip("# ").strip()
        if candidate and not _BY_LINE.re.match(candidate):
            if " | " in candidate:  # "Site | Headline": the longest part is the headline
                candidate = max(candidate.split(" | "), key=len).strip()
            title = candidate
            break
    byline = None
    # the first of the 80 lines that is a by-line (a match cannot span lines: the pattern
    # matches no line break), tried only where "By" is
    m = next((m for _, line in lines if "By" in line and (m := _BY_LINE.re.match(line))), None)
    if m:
        byline = m.group(1)
    elif date_line >= 0:
        near = [line for i, line in head if abs(i - date_line) <= 2 and i != date_line]
        for line in near:
            if _NAME_LINE.re.match(line) and line != title and len(line) <= 40:
                byline = line
                break
    return title, published, byline


# A byte-order mark names the encoding; UTF-32 before UTF-16 (its LE mark starts the same way).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode(data: bytes) -> str:
    """Bytes -> text without its BOM: UTF-8, or UTF-16/32 when a byte-order mark says so."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"not valid {name} (a {name} byte-order mark, then bad bytes at offset "
                    f"{exc.start + len(bom)})"
                ) from None
            if "\x00" in text:
                raise DocumentError("binary file (contains NUL characters), not text")
            return text
    if b"\x00" in data:
        raise DocumentError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def parse_document(data: bytes, *, doc_id: str, path: str) -> Document:
    """Decode and describe one document; raises DocumentError with a readable reason."""
    if len(data) > MAX_BYTES:
        raise DocumentError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    text = decode(data)
    text = text.removeprefix("\ufeff")
    page = None
    if path.lower().endswith((".html", ".htm")):
        from extractor.html import read_html  # the page's visible text and its metadata

        page = read_html(text)
        text = page.text
    title, published, byline = _metadata(text)
    if page is not None:  # what the page states wins over what the text suggests
        title = page.title or title
        published = page.published or published
        byline = page.byline or byline
    return Document(
        id=doc_id,
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        published=published,
        byline=byline,
    )


def read_capped(path: Path, limit: int, *, follow_symlinks: bool = False) -> bytes:
    """The bytes of a regular file, refusing more than `limit` bytes while reading.

    FIFOs, devices and folders are refused without blocking (the file is opened non-blocking and
    checked with fstat before any read); a symbolic link is refused unless `follow_symlinks`.
    Raises OSError with a readable strerror.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        if path.is_symlink():
            raise OSError(errno.ELOOP, "is a symbolic link (use --follow-symlinks to read it)")
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise OSError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, socket or device)")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = handle.read(min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB")
    return b"".join(chunks)


def load_document(
    path: Path,
    *,
    display: str | None = None,
    doc_id: str | None = None,
    follow_symlinks: bool = False,
) -> Document:
    """Read a document from disk; `display` is the path recorded in the sheet, `doc_id` its
    source id (default: the file stem)."""
    try:
        data = read_capped(path, MAX_BYTES, follow_symlinks=follow_symlinks)
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except IsADirectoryError:
        raise DocumentError("is a directory") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise DocumentError("is a symbolic link (use --follow-symlinks to read it)") from None
        raise DocumentError(exc.strerror or "cannot be read") from None
    return parse_document(
        data, doc_id=doc_id if doc_id is not None else path.stem, path=display or path.as_posix()
    )
