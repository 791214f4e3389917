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

_BATCH = 500
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
    """One SQLite file shared by threads (a lock) and processes (WAL, busy timeout)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS pair_probabilities"
            " (key TEXT PRIMARY KEY, probs BLOB NOT NULL)"
        )
        self._db.commit()

    def probabilities(self, model: PairModel, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The model's probabilities for ``pairs``, computing only the unseen ones."""
        keys = [_key(model.name, c, e) for c, e in pairs]
        with self._lock:
            found = self._lookup(sorted(set(keys)))
            missing = [i for i, k in enumerate(keys) if k not in found]
            if missing:
                computed = model.probabilities([pairs[i] for i in missing])
                rows = {keys[i]: computed[j] for j, i in enumerate(missing)}
                self._db.executemany(
                    "INSERT OR REPLACE INTO pair_probabilities (key, probs) VALUES (?, ?)",
                    [(k, v.astype(np.float32).tobytes()) for k, v in rows.items()],
                )
                self._db.commit()
                found.update(rows)
        return np.array([found[k] for k in keys], dtype=np.float32).reshape(len(keys), LABELS)

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
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
