"""A fake corpus and long-context collection (docs/ARCHITECTURE.md's contracts).

The corpus holds given PDFs, videos and collections; with a ``root`` folder it
also opens real PDFs under it, confined as the real corpus is, and records
every name opened so a test can prove an outside-corpus path is never read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from citecheck.errors import OutsideCorpusError
from citecheck.models import SourceUnit, TitleMatch
from tests.fakes.pdf import FakePdf
from tests.fakes.video import FakeVideo

Documents = Sequence[tuple[str, list[str]]]
Chunks = Mapping[tuple[int, int], SourceUnit]


@dataclass
class FakeLookup:
    """A title lookup: the match, if any, and the nearest titles with their scores."""

    match: TitleMatch | None
    candidates: list[tuple[str, float]]
    same_title: list[int] = field(default_factory=list)


class FakeCollection:
    """A collection given as documents ``(title, chunk texts)`` and/or as chunks by
    ``(doc_index, chunk number)``; exact, prefix, then fuzzy title lookup."""

    def __init__(self, documents: Documents | Chunks = (), chunks: Chunks | None = None) -> None:
        if isinstance(documents, Mapping):  # FakeCollection(chunks), as the support tests pass
            chunks, documents = documents, ()
        self.documents: list[tuple[str, list[str]]] = list(documents)
        self.chunks: dict[tuple[int, int], SourceUnit] = dict(chunks or {})
        self.lookups: list[str] = []

    def lookup(self, title: str, *, min_score: float = 85.0, k: int = 3) -> FakeLookup:
        self.lookups.append(title)
        titles = [t for t, _ in self.documents]
        nearest = process.extract(title, titles, scorer=fuzz.WRatio, limit=k)
        candidates = [(t, round(float(s), 1)) for t, s, _ in nearest]
        if title in titles:
            return FakeLookup(
                TitleMatch(title=title, method="exact", score=100.0, doc_index=titles.index(title)),
                candidates,
            )
        prefixed = [i for i, t in enumerate(titles) if t.startswith(title)]
        if prefixed:
            i = prefixed[0]
            return FakeLookup(
                TitleMatch(title=titles[i], method="prefix", score=90.0, doc_index=i), candidates
            )
        t, score, i = nearest[0]
        if score >= min_score:
            return FakeLookup(
                TitleMatch(title=t, method="fuzzy", score=score, doc_index=i), candidates
            )
        return FakeLookup(None, candidates)

    def chunk_count(self, doc_index: int) -> int:
        return len(self.documents[doc_index][1])

    def chunk_numbers(self, doc_index: int) -> list[int]:
        return list(range(self.chunk_count(doc_index)))

    def chunk(self, doc_index: int, n: int) -> SourceUnit | None:
        if (doc_index, n) in self.chunks:
            return self.chunks[(doc_index, n)]
        if not 0 <= doc_index < len(self.documents):
            return None
        title, chunks = self.documents[doc_index]
        if not 0 <= n < len(chunks):
            return None
        return SourceUnit(
            source="long_context",
            kind="chunk",
            locator=f"chunk {n}",
            text=chunks[n],
            chunk=n,
            title=title,
        )


@dataclass
class FakeCorpus:
    """Given PDFs, videos and collections; with ``root``, also the real PDFs under it."""

    root: Path | None = None
    pdfs: dict[str, FakePdf] = field(default_factory=dict)
    videos: dict[str, FakeVideo] = field(default_factory=dict)
    collections: dict[str, FakeCollection] = field(default_factory=dict)
    cache_dir: Path = Path("/nonexistent")
    opened: list[str] = field(default_factory=list)

    def file_names(self) -> list[str]:
        return sorted([*self.videos, *self.pdfs])

    def safe_path(self, name: str) -> Path:
        if self.root is None:
            raise OutsideCorpusError(name, "the corpus has no folder")
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise OutsideCorpusError(name, "path leaves the corpus folder")
        path = self.root / name
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise OutsideCorpusError(name, "symlink leaves the corpus folder")
        return path

    def nearest_names(self, name: str, k: int) -> list[str]:
        names = sorted(p.name for p in self.root.iterdir()) if self.root else self.file_names()
        return [n for n, _, _ in process.extract(name, names, scorer=fuzz.WRatio, limit=k)]

    def pdf(self, name: str) -> FakePdf | None:
        self.opened.append(name)
        if name in self.pdfs or self.root is None:
            return self.pdfs.get(name)
        return FakePdf.read(self.safe_path(name))

    def collection(self, name: str = "long_context") -> FakeCollection | None:
        return self.collections.get(name)

    def web(self) -> None:
        return None  # no fetched web pages: links resolve only through the collection

    def video(self, name: str) -> FakeVideo:
        self.opened.append(name)
        return self.videos.get(name, FakeVideo())
