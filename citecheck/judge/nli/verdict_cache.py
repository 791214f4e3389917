"""Cross-encoder outputs cached in SQLite, keyed by (model, claim, evidence window).

A warm lint sends no pair through the model twice. The key is the SHA-256 of the
model's name (which holds its checksum), the claim and the window; a stored row of
the wrong size is ignored and recomputed, so the cache can only save time, never
change a verdict.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from citecheck.cachedir import open_cache_db

_BATCH = 500
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS pair_probabilities (key TEXT PRIMARY KEY, probs BLOB NOT NULL)"
)
LABELS = 3  # supported, unsupported, contradicted


class PairModel(Protocol):
    """What the cache wraps: a named model scoring (claim, evidence) pairs."""

    name: str

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """``len(pairs) × labels`` probabilities."""
        ...


def _key(model: str, claim: str, evidence: str) -> str:
    raw = "\x1f".join((model, claim, evidence)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()


class VerdictCache:
    """One SQLite file shared by threads (a lock) and processes (WAL, busy timeout);
    a damaged file is rebuilt (:func:`~citecheck.cachedir.open_cache_db`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = open_cache_db(path, _SCHEMA)

    def probabilities(self, model: PairModel, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The model's probabilities for ``pairs``, computing only the unseen ones."""
        keys = [_key(model.name, c, e) for c, e in pairs]
        with self._lock:
            found = self._lookup(sorted(set(keys)))
            missing = [i for i, k in enumerate(keys) if k not in found]
            if missing:
                computed = model.probabilities([pairs[i] for i in missing])
                rows = {keys[i]: computed[j] for j, i in enumerate(missing)}
                self._save(rows)
                found.update(rows)
        return np.array([found[k] for k in keys], dtype=np.float32).reshape(len(keys), LABELS)

    def _save(self, rows: dict[str, np.ndarray]) -> None:
        try:
            self._db.executemany(
                "INSERT OR REPLACE INTO pair_probabilities (key, probs) VALUES (?, ?)",
                [(k, v.astype(np.float32).tobytes()) for k, v in rows.items()],
            )
            self._db.commit()
        except sqlite3.Error:  # disk full, read-only, damaged under us: computed again
            self._db.rollback()

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        try:
            return self._stored(keys)
        except sqlite3.DatabaseError:  # damaged under us: every pair is a miss
            return {}

    def _stored(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT key, probs FROM pair_probabilities WHERE key IN ({marks})"
            for key, blob in self._db.execute(query, batch):
                values = np.frombuffer(blob, dtype=np.float32)
                if values.size == LABELS and np.isfinite(values).all():
                    found[key] = values
        return found

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()
