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
import tempfile
from pathlib import Path
from typing import Any

import yaml

MAX_SHEET_BYTES = 20 * 1024 * 1024
QUOTED_FIELDS = frozenset({"donor", "recipient", "subject"})


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
    return yaml.dump(
        _mark_codes(data),
        Dumper=_PyDumper if pure_python else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )


def dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file beside `path`, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else None
            raise SheetLoadError("aliases are not allowed", line)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise SheetLoadError("anchors are not allowed", event.start_mark.line + 1)
        return super().compose_node(parent, index)


def _to_data(node: yaml.Node, loader: _Loader, path: str, lines: dict[str, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise SheetLoadError(f"{path}: keys must be strings", key_node.start_mark.line + 1)
            if key in out:
                raise SheetLoadError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            out[key] = _to_data(value_node, loader, f"{path}.{key}", lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(v, loader, f"{path}[{i}]", lines) for i, v in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_yaml_with_lines(text: str) -> tuple[Any, dict[str, int]]:
    """Parse one YAML document safely; returns the data and a map JSON path -> line."""
    if len(text.encode("utf-8")) > MAX_SHEET_BYTES:
        raise SheetLoadError(f"larger than {MAX_SHEET_BYTES // (1024 * 1024)} MB")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SheetLoadError("empty file", 1)
        lines: dict[str, int] = {}
        return _to_data(node, loader, "$", lines), lines
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise SheetLoadError(f"invalid YAML: {exc.problem}", line) from None
    except yaml.YAMLError as exc:
        raise SheetLoadError(f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def read_sheet_file(path: Path) -> tuple[Any, dict[str, int]]:
    """Load a .yaml or .json sheet (JSON is read by the same YAML loader, lines and all)."""
    try:
        size = path.stat().st_size
        if size > MAX_SHEET_BYTES:
            raise SheetLoadError(f"larger than {MAX_SHEET_BYTES // (1024 * 1024)} MB")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SheetLoadError("no such file") from None
    except UnicodeDecodeError:
        raise SheetLoadError("not valid UTF-8") from None
    except OSError as exc:
        raise SheetLoadError(exc.strerror or "cannot be read") from None
    return load_yaml_with_lines(text)
