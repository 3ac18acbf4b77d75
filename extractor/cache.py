"""The extraction cache of `factsheet check`: a fresh extraction is stored under
`.factsheet-cache/` so that the next check of an unchanged source does not extract it again.

- The key is a hash of the source's sha256, its id and recorded path, and the **code hash**: a
  hash of every module and data table of the package.  Changing a rule or a table changes
  every key, so everything is extracted again.
- An entry holds the fresh sheet's data and the sha256 of the bytes `extract` writes for it, as
  YAML and as JSON, so that a check of a current sheet compares two digests and reads no data.
- Entries are signed with an HMAC whose secret lives outside the repository
  (`$XDG_CACHE_HOME/factsheet/secret`, else `~/.cache/factsheet/secret`).  An entry that is
  corrupt, truncated, from another version, or committed by someone else fails the signature
  and is never trusted: check extracts again and overwrites it.
- The folder is safe to delete and git-ignored.  A cache that cannot be written is not an
  error; check just extracts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".factsheet-cache")
_FORMAT = "factsheet-extract-2"
_PACKAGE = Path(__file__).resolve().parent


@cache
def code_hash() -> str:
    """sha256 over the package's modules and data tables (names and bytes, in sorted order)."""
    digest = hashlib.sha256(_FORMAT.encode())
    files = []
    for top, dirs, names in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        files += [os.path.join(top, n) for n in names if n.endswith((".py", ".yaml", ".json"))]
    for name in sorted(files):
        digest.update(Path(name).relative_to(_PACKAGE).as_posix().encode() + b"\0")
        with open(name, "rb") as handle:
            digest.update(handle.read() + b"\0")
    return digest.hexdigest()


def text_digest(text: str) -> str:
    """The sha256 of `text` as the UTF-8 bytes a sheet file holds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _secret_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factsheet" / "secret"


@cache
def _secret() -> bytes | None:
    """The signing secret, created on first use (0600); None when it cannot be had."""
    path = _secret_path()
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return data
    except FileExistsError:  # another process made it first
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return data if len(data) >= 32 else None
    except OSError:
        return None


@dataclass(frozen=True)
class Entry:
    """A signed cache entry: the digests of the sheet's YAML and JSON files, and its data
    (parsed only when asked for)."""

    yaml_sha256: str
    json_sha256: str
    body: str

    def data(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.body)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None


class ExtractionCache:
    """Fresh extractions by (source sha256, id, path, code hash).

    An entry file is three lines' worth: the signature, the two digests, the data as JSON."""

    def __init__(self, folder: Path = CACHE_DIR) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def key(self, sha256: str, doc_id: str, path: str) -> str:
        text = "\0".join((code_hash(), sha256, doc_id, path))
        return hashlib.sha256(text.encode()).hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, "extract", key[:2], f"{key}.json")

    @staticmethod
    def _sign(secret: bytes, key: str, body: str) -> str:
        return hmac.new(secret, f"{key}\0{body}".encode(), hashlib.sha256).hexdigest()

    def entry(self, key: str) -> Entry | None:
        """The signed entry, or None (missing, corrupt, unsigned or no secret)."""
        secret = _secret()
        if secret is None:
            return None
        try:
            with open(self._file(key), "rb") as handle:
                raw = handle.read().decode("utf-8")
            signature, signed = raw.split("\n", 1)
            if not hmac.compare_digest(signature, self._sign(secret, key, signed)):
                return None
            digests, body = signed.split("\n", 1)
            yaml_sha256, json_sha256 = digests.split(" ")
        except (OSError, ValueError):
            return None
        return Entry(yaml_sha256, json_sha256, body)

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached sheet data, or None (missing, corrupt, unsigned or no secret)."""
        entry = self.entry(key)
        data = entry.data() if entry is not None else None
        if data is not None:
            self.hits += 1
        return data

    def put(self, key: str, data: dict[str, Any], yaml_text: str | None = None) -> None:
        """Store `data`, the fresh extraction; `yaml_text` is its YAML when already written."""
        secret = _secret()
        if secret is None:
            return
        from extractor.yamlio import dump_json, dump_yaml, write_atomic

        yaml_text = dump_yaml(data) if yaml_text is None else yaml_text
        body = dump_json(data)
        json_file = body + "\n"  # what extract writes to a .json sheet
        signed = f"{text_digest(yaml_text)} {text_digest(json_file)}\n{body}"
        try:
            write_atomic(Path(self._file(key)), f"{self._sign(secret, key, signed)}\n{signed}")
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                write_atomic(ignore, "# factsheet's extraction cache: safe to delete\n*\n")
        except OSError:
            pass  # a cache that cannot be written only costs time
