"""The extraction cache of `factsheet check`: a fresh extraction is stored under
`.factsheet-cache/` so that the next check of an unchanged source does not extract it again.

- The key is a hash of the source's sha256, its id and recorded path, and the **code hash**: a
  hash of every module and data table of the package.  Changing a rule or a table changes
  every key, so everything is extracted again.
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
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".factsheet-cache")
_FORMAT = "factsheet-extract-1"


@cache
def code_hash() -> str:
    """sha256 over the package's modules and data tables (names and bytes, in sorted order)."""
    digest = hashlib.sha256(_FORMAT.encode())
    root = resources.files("extractor")
    stack = [root]
    files = []
    while stack:
        folder = stack.pop()
        for item in folder.iterdir():
            if item.is_dir() and item.name != "__pycache__":
                stack.append(item)
            elif item.name.endswith((".py", ".yaml", ".json")):
                files.append(item)
    for item in sorted(files, key=lambda f: str(f)):
        digest.update(str(item).removeprefix(str(root)).encode() + b"\0")
        digest.update(item.read_bytes() + b"\0")
    return digest.hexdigest()


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


class ExtractionCache:
    """Fresh extractions by (source sha256, id, path, code hash)."""

    def __init__(self, folder: Path = CACHE_DIR) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def key(self, sha256: str, doc_id: str, path: str) -> str:
        text = "\0".join((code_hash(), sha256, doc_id, path))
        return hashlib.sha256(text.encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / "extract" / key[:2] / f"{key}.json"

    @staticmethod
    def _sign(secret: bytes, key: str, body: str) -> str:
        return hmac.new(secret, f"{key}\0{body}".encode(), hashlib.sha256).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached sheet data, or None (missing, corrupt, unsigned or no secret)."""
        secret = _secret()
        if secret is None:
            return None
        try:
            raw = self._file(key).read_text(encoding="utf-8")
            signature, body = raw.split("\n", 1)
            if not hmac.compare_digest(signature, self._sign(secret, key, body)):
                return None
            data = json.loads(body)
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: dict[str, Any]) -> None:
        secret = _secret()
        if secret is None:
            return
        from extractor.yamlio import write_atomic

        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
        try:
            write_atomic(self._file(key), f"{self._sign(secret, key, body)}\n{body}")
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                write_atomic(ignore, "# factsheet's extraction cache: safe to delete\n*\n")
        except OSError:
            pass  # a cache that cannot be written only costs time
