"""YAML in and out.

Writer: fixed key order (the model's), no line folding, unicode kept, country codes and any
string YAML 1.1 would read as something else (NO, yes, 1e3) quoted; the same data always gives
the same bytes.  Files are written to a temporary file and renamed.

Loader: safe, refuses anchors/aliases and duplicate keys, caps the file size, and remembers the
line of every node so errors can say `facts/x.yaml:42: $.facts[3].quantity.unit`.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from extractor.documents import MAX_SHEET_BYTES, read_capped

QUOTED_FIELDS = frozenset({"donor", "recipient", "subject"})


class SheetLoadError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class _Quoted(str):
    pass


# libyaml's emitter when PyYAML has it (about ten times faster); the pure-Python one otherwise.
# Both write the same bytes for sheets (tested).
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True  # never write anchors: a sheet is read by people


class _PyDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


_Dumper.add_representer(_Quoted, _quoted)
_PyDumper.add_representer(_Quoted, _quoted)


def _mark_codes(data: Any, key: str | None = None) -> Any:
    if isinstance(data, dict):
        return {k: _mark_codes(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_mark_codes(v, key) for v in data]
    if isinstance(data, str) and key in QUOTED_FIELDS:
        return _Quoted(data)
    return data


def dump_yaml(data: dict[str, Any], *, pure_python: bool = False) -> str:
    """The sheet's YAML.  The direct emitter below writes it when it can (the same bytes as
    PyYAML, about 5x faster and flat in size); anything it does not handle goes to PyYAML."""
    if not pure_python:
        try:
            return _emit_document(data)
        except _Unsupported:
            pass
    return pyyaml_dump(data, pure_python=pure_python)


def pyyaml_dump(data: dict[str, Any], *, pure_python: bool = False) -> str:
    return yaml.dump(
        _mark_codes(data),
        Dumper=_PyDumper if pure_python else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )


# ---- the direct emitter ------------------------------------------------------------------------
# It writes block mappings and sequences the way PyYAML's emitter does with the options above,
# for the scalars whose style it can decide exactly as PyYAML's analyze_scalar and
# choose_scalar_style do: strings of printable characters without line breaks, tabs or
# leading/trailing spaces; ints; floats; bools.  Anything else raises _Unsupported.


class _Unsupported(Exception):
    pass


_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"
_WS = "\0 \t\r\n\x85\u2028\u2029"
_SAFE = re.compile("[ -~\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")


def _plain_is_str(value: str) -> bool:
    """Would a plain `value` read back as a string (not a bool, number, date or null)?"""
    for tag, regexp in _RESOLVERS.get(value[:1] if value else "", []):
        if regexp.match(value):
            return bool(tag == _STR)
    return True


def _plain_allowed(value: str) -> bool:
    """PyYAML's allow_block_plain for a single-line string of safe characters."""
    if value.startswith(("---", "...")):
        return False
    first = value[0]
    followed = len(value) == 1 or value[1] in _WS
    if first in _FIRST_INDICATORS or (first in "?:-" and followed):
        return False
    return not (": " in value or value.endswith(":") or " #" in value)


@cache
def _scalar_text(value: str, quoted: bool) -> str:
    if not _SAFE.fullmatch(value) or value[:1] == " " or value[-1:] == " ":
        raise _Unsupported(value)
    if quoted:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value and _plain_allowed(value) and _plain_is_str(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _out_scalar(value: Any, quoted: bool = False) -> str:
    if isinstance(value, str):
        return _scalar_text(value, quoted)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _Unsupported(value)
        text = repr(value).lower()
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    raise _Unsupported(value)


@cache
def _key_text(indent: int, key: str) -> str:
    """`  key:` at `indent`."""
    return f"{' ' * indent}{_scalar_text(key, False)}:"


def _emit_mapping(data: dict[str, Any], indent: int, out: list[str], quote: bool) -> None:
    for key, value in data.items():
        if not isinstance(key, str):
            raise _Unsupported(key)
        head = _key_text(indent, key)
        quoted = quote or key in QUOTED_FIELDS
        kind = type(value)
        if kind is str:  # the common cases first: _out_scalar's answers for them
            out.append(f"{head} {_scalar_text(value, quoted)}\n")
        elif kind is int:
            out.append(f"{head} {value}\n")
        elif isinstance(value, dict):
            if value:
                out.append(head + "\n")
                _emit_mapping(value, indent + 2, out, False)
            else:
                out.append(head + " {}\n")
        elif isinstance(value, list):
            if value:
                out.append(head + "\n")
                _emit_sequence(value, indent, out, quoted)
            else:
                out.append(head + " []\n")
        elif value is None:
            raise _Unsupported(value)
        else:
            out.append(f"{head} {_out_scalar(value, quoted and isinstance(value, str))}\n")


def _emit_sequence(data: list[Any], indent: int, out: list[str], quote: bool) -> None:
    pad = " " * indent
    for item in data:
        if isinstance(item, dict) and item:
            start = len(out)
            _emit_mapping(item, indent + 2, out, False)
            out[start] = f"{pad}- {out[start][indent + 2 :]}"
        elif isinstance(item, list) and item:
            raise _Unsupported(item)  # "- - x": not in sheets
        elif isinstance(item, dict | list):
            out.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}\n")
        elif item is None:
            raise _Unsupported(item)
        else:
            out.append(f"{pad}- {_out_scalar(item, quote and isinstance(item, str))}\n")


def _emit_document(data: dict[str, Any]) -> str:
    if not isinstance(data, dict) or not data:
        raise _Unsupported(data)
    out: list[str] = []
    _emit_mapping(data, 0, out, False)
    return "".join(out)


def dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A new file `.<name>.<random>.tmp` in the folder of `path` (made when missing), open for
    writing.  Created with mode 0666 less the umask, as any ordinary output, and never over
    another file."""
    for attempt in range(100):
        tmp = os.path.join(path.parent, f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, _CREATE, 0o666), tmp
        except FileExistsError:
            continue
        except OSError:
            if attempt:
                raise
            # the folder is missing, or cannot be written: making it says which, in the words
            # mkdir uses; when it exists after all, the next attempt says why open failed
            path.parent.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(f"{path}: no free temporary name beside it")


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file beside `path`, then rename over it."""
    fd, tmp = _temporary_beside(path)
    try:
        with open(fd, "wb") as handle:
            handle.write(content.encode("utf-8"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


MAX_DEPTH = 32  # a sheet is 5 levels deep; anything far deeper is refused, not recursed into
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONTAINER_TAGS = {
    yaml.MappingStartEvent: (None, "!", "tag:yaml.org,2002:map"),
    yaml.SequenceStartEvent: (None, "!", "tag:yaml.org,2002:seq"),
}


class _Frame:
    __slots__ = ("container", "key", "path")

    def __init__(self, container: dict[str, Any] | list[Any], path: str) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def _scalar(loader: Any, event: Any) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:str":
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    constructor = loader.yaml_constructors.get(tag) or loader.yaml_constructors[None]
    try:
        return constructor(loader, node)
    except ValueError as exc:  # 2024-02-30: a timestamp that is no date
        raise SheetLoadError(f"invalid value {event.value!r}: {exc}", _line(event)) from None


def _compose(loader: Any) -> tuple[Any, dict[str, int]]:
    """Build plain data and the line map straight from the parser's events, without recursion:
    aliases, anchors, odd tags, non-string and duplicate keys and deep nesting are refused."""
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        raise SheetLoadError("empty file", 1)
    loader.get_event()  # document start
    lines: dict[str, int] = {}
    stack: list[_Frame] = []
    root: Any = None
    while True:
        event = loader.get_event()
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            if not stack:
                break
            continue
        if isinstance(event, yaml.AliasEvent):
            raise SheetLoadError("aliases are not allowed", _line(event))
        if getattr(event, "anchor", None) is not None:
            raise SheetLoadError("anchors are not allowed", _line(event))
        top = stack[-1] if stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            key = _scalar(loader, event) if isinstance(event, yaml.ScalarEvent) else None
            if not isinstance(key, str):
                raise SheetLoadError(f"{top.path}: keys must be strings", _line(event))
            if key in top.container:
                raise SheetLoadError(f"duplicate key {key!r}", _line(event))
            top.key = key
            continue
        if top is None:
            path = "$"
        elif isinstance(top.container, dict):
            path = f"{top.path}.{top.key}"
        else:
            path = f"{top.path}[{len(top.container)}]"
        lines[path] = (_line(event) or 0) or 1
        value: Any
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(loader, event)
        else:
            if event.tag not in _CONTAINER_TAGS[type(event)]:
                raise SheetLoadError(f"tag {event.tag!r} is not allowed", _line(event))
            if len(stack) >= MAX_DEPTH:
                raise SheetLoadError(f"nested more than {MAX_DEPTH} levels deep", _line(event))
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if top is None:
            root = value
        elif isinstance(top.container, dict):
            assert top.key is not None
            top.container[top.key] = value
            top.key = None
        else:
            top.container.append(value)
        if isinstance(value, dict | list) and not isinstance(event, yaml.ScalarEvent):
            stack.append(_Frame(value, path))
        elif top is None:
            break  # the document is a single scalar
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        raise SheetLoadError(
            "invalid YAML: expected a single document in the stream", _line(loader.peek_event())
        )
    return root, lines


# ---- the canonical reader ---------------------------------------------------------------------
# A sheet as the direct emitter writes it (every sheet extract writes) is read without PyYAML's
# parser: lines are split by their indentation, scalars decoded, and the result accepted only if
# the emitter writes exactly `text` back for it.  Since the emitter's output loads back as the
# data it was given (tested against PyYAML), the data is then what the full loader would build,
# and the text holds nothing the loader refuses (no anchor, alias, tag, duplicate key, comment
# or null).  Line numbers are those of the parser's events for the same layout (tested).  Any
# other text, or anything unexpected, goes to the full loader below.


class _NotCanonical(Exception):
    pass


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_BOOLS = {"true": True, "false": False}
_ESCAPED = re.compile(r"\\(.)")
_CANONICAL_DEPTH = 16  # deeper is never canonical here (the full loader decides)


def _plain_value(text: str) -> Any:
    for tag, regexp in _RESOLVERS.get(text[:1], []):
        if regexp.match(text):
            try:
                if tag == _INT:
                    return int(text)
                if tag == _FLOAT:
                    return float(text)
            except ValueError:
                raise _NotCanonical from None
            if tag == _BOOL and text in _BOOLS:
                return _BOOLS[text]
            if tag == _STR:
                return text
            raise _NotCanonical  # null, a timestamp, ...: never written plain by the emitter
    return text


@lru_cache(maxsize=16384)
def _scalar_value(text: str) -> Any:
    """A scalar as written after `key: ` or `- ` (not `{}` or `[]`)."""
    first = text[:1]
    if first == '"':
        if len(text) < 2 or text[-1] != '"':
            raise _NotCanonical
        inner = text[1:-1]
        return _ESCAPED.sub(r"\1", inner) if "\\" in inner else inner
    if first == "'":
        if len(text) < 2 or text[-1] != "'":
            raise _NotCanonical
        return text[1:-1].replace("''", "'")
    if not text or first in " {[":
        raise _NotCanonical
    return _plain_value(text)


class _CanonicalReader:
    """Block mappings and sequences laid out as `_emit_mapping` and `_emit_sequence` write them.
    `at` is the next row (0-based), so after a row is taken it is that row's 1-based line."""

    def __init__(self, text: str) -> None:
        if not text.endswith("\n"):
            raise _NotCanonical
        self.rows = text[:-1].split("\n")
        self.at = 0
        self.lines: dict[str, int] = {}

    def _nested(self, path: str, indent: int, depth: int) -> Any:
        """The block value of `key:` (a key at `indent` with nothing after the colon)."""
        if self.at >= len(self.rows) or depth >= _CANONICAL_DEPTH:
            raise _NotCanonical
        row = self.rows[self.at]
        pad = " " * indent
        if row.startswith(pad + "- "):
            self.lines[path] = self.at + 1
            items: list[Any] = []
            self.sequence(items, path, indent, depth + 1)
            return items
        if row.startswith(pad + "  ") and row[indent + 2 : indent + 3] not in (" ", "-", ""):
            self.lines[path] = self.at + 1
            mapping: dict[str, Any] = {}
            self.mapping(mapping, path, indent + 2, depth + 1)
            return mapping
        raise _NotCanonical

    def mapping(
        self, out: dict[str, Any], path: str, indent: int, depth: int, first: str | None = None
    ) -> None:
        """Keys at `indent`; the first may be given (the rest of a `- key: ...` row)."""
        rows, lines, count = self.rows, self.lines, len(self.rows)
        pad = " " * indent
        while True:
            if first is not None:
                body, line, first = first, self.at, None
                lead = body[:1]
            else:
                at = self.at
                if at >= count:
                    return
                row = rows[at]
                lead = row[indent : indent + 1]
                if lead == "-" or lead == "" or not row.startswith(pad):
                    return  # the mapping ends (a dedent, or the next item of a parent sequence)
                body = row[indent:] if indent else row
                self.at = line = at + 1
            if lead == " " or lead == "'" or lead == '"':
                raise _NotCanonical  # deeper than expected, or a quoted key
            colon = body.find(": ")
            if colon >= 0:
                key = body[:colon]
                if not key or key in out:
                    raise _NotCanonical
                rest = body[colon + 2 :]
                child = f"{path}.{key}"
                lines[child] = line
                if rest == "{}":
                    out[key] = {}
                elif rest == "[]":
                    out[key] = []
                else:
                    out[key] = _scalar_value(rest)
            else:
                key = body[:-1]
                if body[-1] != ":" or not key or key in out:
                    raise _NotCanonical
                out[key] = self._nested(f"{path}.{key}", indent, depth)

    def sequence(self, out: list[Any], path: str, indent: int, depth: int) -> None:
        rows, lines, count = self.rows, self.lines, len(self.rows)
        pad = " " * indent + "- "
        width = len(pad)
        while self.at < count and rows[self.at].startswith(pad):
            rest = rows[self.at][width:]
            self.at += 1
            child = f"{path}[{len(out)}]"
            lines[child] = self.at
            if rest[:1] not in ("'", '"') and (": " in rest or rest.endswith(":")):
                if depth >= _CANONICAL_DEPTH:
                    raise _NotCanonical
                item: dict[str, Any] = {}
                self.mapping(item, child, width, depth + 1, first=rest)
                out.append(item)
            elif rest == "{}":
                out.append({})
            elif rest == "[]":
                out.append([])
            else:
                out.append(_scalar_value(rest))

    def document(self) -> tuple[dict[str, Any], dict[str, int]]:
        if not self.rows or not self.rows[0] or self.rows[0][0] in " -":
            raise _NotCanonical
        self.lines["$"] = 1
        root: dict[str, Any] = {}
        self.mapping(root, "$", 0, 1)
        if self.at != len(self.rows):
            raise _NotCanonical
        return root, self.lines


def load_canonical(text: str) -> tuple[dict[str, Any], dict[str, int]] | None:
    """The data and line map of a sheet laid out exactly as `dump_yaml` writes it; None for any
    other text (read it with the full loader)."""
    try:
        data, lines = _CanonicalReader(text).document()
        if _emit_document(data) != text:
            return None
    except (_NotCanonical, _Unsupported):
        return None
    return data, lines


def load_yaml_with_lines(text: str, *, pure_python: bool = False) -> tuple[Any, dict[str, int]]:
    """Parse one YAML document safely; returns the data and a map JSON path -> line.

    A sheet laid out exactly as `dump_yaml` writes it is read by the canonical reader; any other
    text by `parse_yaml_with_lines`.  Both give the same data and lines (tested)."""
    if len(text.encode("utf-8")) > MAX_SHEET_BYTES:
        raise SheetLoadError(f"larger than {MAX_SHEET_BYTES // (1024 * 1024)} MB")
    if not pure_python:
        canonical = load_canonical(text)
        if canonical is not None:
            return canonical
    return parse_yaml_with_lines(text, pure_python=pure_python)


def parse_yaml_with_lines(text: str, *, pure_python: bool = False) -> tuple[Any, dict[str, int]]:
    """PyYAML's parser: libyaml's C parser when PyYAML has it, the pure-Python one otherwise
    (or when asked).  Both give the same events, so the same data, lines and refusals (tested).
    No size cap: `load_yaml_with_lines` applies it."""
    loader: Any = None
    try:
        loader = (yaml.SafeLoader if pure_python else _BaseLoader)(text)
        return _compose(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SheetLoadError(f"invalid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise SheetLoadError(f"invalid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise SheetLoadError(f"nested more than {MAX_DEPTH} levels deep") from None
    finally:
        if loader is not None:
            loader.dispose()


def read_sheet_file(path: Path, *, follow_symlinks: bool = True) -> tuple[Any, dict[str, int]]:
    """Load a .yaml or .json sheet (JSON is read by the same YAML loader, lines and all).

    Regular files only, the size cap applied while reading; `-` is standard input."""
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read(MAX_SHEET_BYTES + 1)
            if len(data) > MAX_SHEET_BYTES:
                raise SheetLoadError(f"larger than {MAX_SHEET_BYTES // (1024 * 1024)} MB")
        else:
            data = read_capped(path, MAX_SHEET_BYTES, follow_symlinks=follow_symlinks)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise SheetLoadError("no such file") from None
    except UnicodeDecodeError:
        raise SheetLoadError("not valid UTF-8") from None
    except OSError as exc:
        raise SheetLoadError(exc.strerror or "cannot be read") from None
    return load_yaml_with_lines(text)
