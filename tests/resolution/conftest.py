"""Small fakes of the corpus and trace contracts (docs/ARCHITECTURE.md) and report builders.

The fakes keep these tests independent of the corpus and trace modules: they
implement only what :mod:`citecheck.resolve.resolver` calls, and they record what was
opened so a test can prove an outside-corpus path is never read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf
import pytest
from rapidfuzz import fuzz, process

from citecheck.errors import OutsideCorpusError
from citecheck.models import (
    Claim,
    Report,
    SourceUnit,
    TitleMatch,
)
from citecheck.report.citations import find_citations
from citecheck.rulepack import load_pack
from citecheck.textutil import LineIndex


@dataclass
class FakeLookup:
    match: TitleMatch | None
    candidates: list[tuple[str, float]]


class FakePdf:
    """A PDF read with pymupdf: one passage per page."""

    def __init__(self, path: Path) -> None:
        with pymupdf.open(path) as document:
            self.texts = [page.get_text() for page in document]
        self.name = path.name

    @property
    def page_count(self) -> int:
        return len(self.texts)

    def passages(self, n: int) -> list[SourceUnit]:
        text = self.texts[n - 1]
        return [
            SourceUnit(source=self.name, kind="passage", locator=f"page {n}", text=text, page=n)
        ]

    def all_passages(self) -> list[SourceUnit]:
        return [u for n in range(1, self.page_count + 1) for u in self.passages(n)]


class FakeCollection:
    """Documents given as (title, chunk texts); exact, prefix, then fuzzy title lookup."""

    def __init__(self, documents: list[tuple[str, list[str]]]) -> None:
        self.documents = documents
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
class FakeVideo:
    segments: list[SourceUnit] = field(default_factory=list)
    keyframes: list[SourceUnit] = field(default_factory=list)


class FakeCorpus:
    """A corpus folder: files under ``root``, one collection, videos with given evidence."""

    def __init__(
        self,
        root: Path,
        collection: FakeCollection | None = None,
        videos: dict[str, FakeVideo] | None = None,
    ) -> None:
        self.root = root
        self._collection = collection
        self._videos = videos or {}
        self.opened: list[str] = []

    def safe_path(self, name: str) -> Path:
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise OutsideCorpusError(name, "path leaves the corpus folder")
        path = self.root / name
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise OutsideCorpusError(name, "symlink leaves the corpus folder")
        return path

    def nearest_names(self, name: str, k: int) -> list[str]:
        names = sorted(p.name for p in self.root.iterdir())
        return [n for n, _, _ in process.extract(name, names, scorer=fuzz.WRatio, limit=k)]

    def pdf(self, name: str) -> FakePdf | None:
        self.opened.append(name)
        return FakePdf(self.safe_path(name))

    def collection(self, name: str = "long_context") -> FakeCollection | None:
        return self._collection if name == "long_context" else None

    def video(self, name: str) -> FakeVideo:
        self.opened.append(name)
        return self._videos.get(name, FakeVideo())


@dataclass
class FakeRetrieval:
    tool: str
    query: str
    results: list[FakeHit]
    complete: bool
    line: int


@dataclass
class FakeHit:
    title: str
    chunk: int


class FakeTrace:
    """Retrievals; ``was_retrieved`` follows the contract: True / False if all complete / None."""

    def __init__(self, retrievals: list[FakeRetrieval]) -> None:
        self.retrievals = retrievals

    def was_retrieved(self, title: str, chunk: int) -> bool | None:
        if any(h.title == title and h.chunk == chunk for r in self.retrievals for h in r.results):
            return True
        return False if all(r.complete for r in self.retrievals) else None


# ------------------------------------------------------------------ builders


def build_report(text: str, query: str | None = None, **fields: object) -> Report:
    """A report whose every line is one claim carrying the brackets written on it."""
    citations = find_citations(text, load_pack("default"))
    lines = LineIndex(text)
    claims: list[Claim] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = offset + len(line)
        own = [c for c in citations if offset <= c.span.start < end]
        if line.strip():
            span = lines.span(offset, end)
            claims.append(Claim(id=f"c{number}", text=line, raw=line, span=span, citations=own))
        offset = end + 1
    return Report(
        path="report.md", text=text, claims=claims, citations=citations, query=query, **fields
    )


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A PDF with one line of text per page."""
    document = pymupdf.open()
    for text in pages:
        document.new_page().insert_text((72, 72), text)
    document.save(path)
    document.close()
    return path


@pytest.fixture
def pack():
    return load_pack("default")


@pytest.fixture
def collection() -> FakeCollection:
    """About fifty documents; "Exact Title" has 5 chunks."""
    documents = [
        (f"Filler document number {i} about topic {i * 7}", [f"filler {i}"]) for i in range(48)
    ]
    documents.append(("Exact Title", [f"exact chunk {n}" for n in range(5)]))
    documents.append(
        (
            "Transformer模型PyTorch实现：从原理到代码完全解析-CSDN博客",
            ["Transformer chunk 0", "Transformer chunk 1"],
        )
    )
    return FakeCollection(documents)


@pytest.fixture
def corpus(tmp_path: Path, collection: FakeCollection) -> FakeCorpus:
    root = tmp_path / "task"
    root.mkdir()
    make_pdf(root / "pdf.pdf", ["first page text", "second page text", "third page text"])
    (root / "video.mp4").write_bytes(b"\x00")
    segment = SourceUnit(
        source="video.mp4", kind="segment", locator="00:01", text="hello", start=1.0, end=2.0
    )
    return FakeCorpus(root, collection, {"video.mp4": FakeVideo(segments=[segment])})


@pytest.fixture
def report_of():
    """``report_of(text, query=None, **fields)`` builds a report (see :func:`build_report`)."""
    return build_report


@pytest.fixture
def trace_of():
    """``trace_of([(title, chunk), …], complete=True)``: a trace of one retrieval."""

    def make(hits: list[tuple[str, int]], complete: bool = True) -> FakeTrace:
        results = [FakeHit(title, chunk) for title, chunk in hits]
        return FakeTrace([FakeRetrieval("rag_search", "query", results, complete, line=10)])

    return make


@pytest.fixture
def pdf_maker():
    """``pdf_maker(path, [page texts])`` writes a PDF with one line of text per page."""
    return make_pdf
