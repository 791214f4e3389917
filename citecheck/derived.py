"""What citecheck derives from an input, kept between runs.

A value derived from a file or a text (a PDF page's blocks and table rows, the
person names a segmenter finds in a sentence) is stored under the SHA-256 of that
input *and* a fingerprint of the code that derived it: the source files of the
deriving modules. Change the input or the code and the key changes, so a stored
value is never stale; nothing has to remember to bump a version. Values are JSON.

The store is an optimisation only: a damaged or unwritable database is rebuilt or
kept in memory (:func:`~citecheck.cachedir.open_cache_db`), and a value that does
not decode is derived again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from citecheck import __version__
from citecheck.cachedir import open_cache_db
from citecheck.errors import InputError

T = TypeVar("T")
DERIVED_FILE = "derived.sqlite"
_SCHEMA = "CREATE TABLE IF NOT EXISTS derived (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


@cache
def code_fingerprint(*modules: str, packages: tuple[str, ...] = ()) -> str:
    """A short hash of citecheck's version, the source of ``modules`` (dotted names,
    already imported) and the installed versions of ``packages``: what a derived
    value depends on besides its input."""
    digest = hashlib.sha256(__version__.encode())
    for name in modules:
        source = getattr(sys.modules[name], "__file__", None)
        digest.update(name.encode())
        if source:
            digest.update(Path(source).read_bytes())
    for package in packages:
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} missing".encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A short hash of every source file and shipped pack of citecheck: for values that
    pass through many stages, where naming the modules involved would be fragile."""
    from citecheck.rulepack import packs_dir

    package = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for folder, pattern in ((package, "*.py"), (packs_dir(), "*.toml")):
        for path in sorted(folder.rglob(pattern)):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (computed once per process while the file is unchanged)."""
    status = path.stat()
    return _digest(str(path), status.st_size, status.st_mtime_ns)


def require_digest(path: Path, expected: object, manifest: str) -> None:
    """:class:`InputError` unless ``path`` is a file whose SHA-256 is ``expected``, as
    the ``manifest`` (``cross-encoder``, ``embedder``) names it."""
    if not path.is_file():
        raise InputError(path, f"{manifest} file missing")
    if file_digest(path) != expected:
        raise InputError(path, f"checksum differs from the {manifest} manifest")


@lru_cache(maxsize=256)
def _digest(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class DerivedStore:
    """One SQLite table of JSON values keyed by (code fingerprint, input digest, part)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = open_cache_db(path, _SCHEMA)

    def get(self, key_parts: Iterable[str], decode: Callable[[Any], T]) -> T | None:
        """The value stored for ``key_parts`` decoded, or None (absent or undecodable)."""
        raw = self._read(_key(key_parts))
        if raw is None:
            return None
        try:
            return decode(json.loads(raw))
        except (ValueError, TypeError, KeyError, IndexError):
            return None

    def put(self, key_parts: Iterable[str], data: Any) -> None:
        """Store JSON-able ``data`` for ``key_parts``."""
        self._write(_key(key_parts), json.dumps(data, ensure_ascii=False))

    def get_or_derive(
        self,
        key_parts: Iterable[str],
        derive: Callable[[], T],
        encode: Callable[[T], Any] = lambda value: value,
        decode: Callable[[Any], T] = lambda raw: raw,
    ) -> T:
        """The stored value for ``key_parts``, else ``derive()`` stored and returned.

        ``encode`` turns the value into JSON-able data and ``decode`` back; a stored
        value that fails to decode counts as absent. (A stored value of JSON
        ``null`` also counts as absent: derive values that are never None.)
        """
        key_parts = tuple(key_parts)
        found = self.get(key_parts, decode)
        if found is not None:
            return found
        value = derive()
        self.put(key_parts, encode(value))
        return value

    def _read(self, key: str) -> str | None:
        with self._lock:
            try:
                row = self._db.execute("SELECT value FROM derived WHERE key = ?", (key,)).fetchone()
            except sqlite3.DatabaseError:
                return None
        return str(row[0]) if row else None

    def _write(self, key: str, value: str) -> None:
        with self._lock:
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO derived (key, value) VALUES (?, ?)", (key, value)
                )
                self._db.commit()
            except sqlite3.Error:  # disk full, read-only, damaged under us: derived again
                self._db.rollback()


def _key(key_parts: Iterable[str]) -> str:
    return hashlib.sha256("\x1f".join(key_parts).encode("utf-8", "surrogatepass")).hexdigest()
