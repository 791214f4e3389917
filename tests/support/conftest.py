"""Small fakes for the support tests: models built directly, a judge, an embedder, a corpus."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from citecheck.models import (
    Citation,
    CitationTarget,
    Claim,
    Resolution,
    SourceUnit,
    Span,
    Verdict,
)
from citecheck.report.citations import citation_id


def make_span(line: int, column: int = 1, length: int = 20) -> Span:
    """A one-line span."""
    return Span(
        line=line, column=column, end_line=line, end_column=column + length, start=0, end=length
    )


def make_citation(
    text: str = "[文档: pdf.pdf, page 3]",
    source: str = "pdf.pdf",
    pages: Sequence[int] = (3,),
    line: int = 1,
    column: int = 30,
) -> Citation:
    """A citation bracket naming pages of one file."""
    target = CitationTarget(kind="file", source=source, pages=list(pages), raw=text)
    span = make_span(line, column, len(text))
    return Citation(id=citation_id(span), text=text, span=span, targets=[target])


def make_claim(
    text: str,
    line: int = 1,
    citations: Sequence[Citation] = (),
    **fields: object,
) -> Claim:
    """A claim on one line."""
    return Claim(
        id=f"c{line}",
        text=text,
        raw=text,
        span=make_span(line, length=len(text)),
        citations=list(citations),
        **fields,
    )


def make_unit(text: str, page: int, source: str = "pdf.pdf", index: int = 0) -> SourceUnit:
    """A PDF passage."""
    return SourceUnit(
        source=source, kind="passage", locator=f"page {page}", text=text, page=page, chunk=index
    )


def make_resolution(
    citation: Citation, units: Sequence[SourceUnit] = (), **fields: object
) -> Resolution:
    """A resolution of the citation's first target, resolved unless told otherwise."""
    values: dict[str, object] = {"status": "resolved", **fields}
    return Resolution(citation=citation, target=citation.targets[0], units=list(units), **values)


class FakeJudge:
    """Supported when the evidence contains the claim text, contradicted when it
    contains 'not <claim>'; records every call."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        self.calls.append((claim, list(evidence)))
        wanted = claim.casefold().rstrip("。.")
        texts = [e.casefold() for e in evidence]
        if any(f"not {wanted}" in t for t in texts):
            return Verdict(label="contradicted", score=0.05, backend=self.name, reason="negated")
        if any(wanted in t for t in texts):
            return Verdict(label="supported", score=0.95, backend=self.name, reason="found")
        return Verdict(label="unsupported", score=0.2, backend=self.name, reason="absent")

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        return [self.judge(c, e) for c, e in pairs]


class CountingEmbedder:
    """Deterministic character-trigram hashing embedder that counts what it embeds."""

    name = "counting"
    dim = 64

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for i in range(max(1, len(text) - 2)):
                digest = hashlib.md5(text[i : i + 3].encode()).digest()
                row[digest[0] % self.dim] += 1.0
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1.0, norms)


@dataclass
class FakePdf:
    """Pages of passages, addressed like citecheck.corpus.pdf.PdfDocument."""

    pages: dict[int, list[SourceUnit]]

    @property
    def page_count(self) -> int:
        return max(self.pages)

    def passages(self, page: int) -> list[SourceUnit]:
        return self.pages.get(page, [])

    def all_passages(self) -> list[SourceUnit]:
        return [u for page in sorted(self.pages) for u in self.pages[page]]


@dataclass
class FakeVideo:
    segments: list[SourceUnit] = field(default_factory=list)
    keyframes: list[SourceUnit] = field(default_factory=list)


@dataclass
class FakeCollection:
    """Chunks by (doc_index, chunk number)."""

    chunks: dict[tuple[int, int], SourceUnit]

    def chunk(self, doc_index: int, n: int) -> SourceUnit | None:
        return self.chunks.get((doc_index, n))


@dataclass
class FakeCorpus:
    pdfs: dict[str, FakePdf] = field(default_factory=dict)
    collections: dict[str, FakeCollection] = field(default_factory=dict)
    videos: dict[str, FakeVideo] = field(default_factory=dict)
    cache_dir: Path = Path("/nonexistent")

    def pdf(self, name: str) -> FakePdf | None:
        return self.pdfs.get(name)

    def collection(self, name: str = "long_context") -> FakeCollection | None:
        return self.collections.get(name)

    def video(self, name: str) -> FakeVideo:
        return self.videos.get(name, FakeVideo())


def pdf_with_pages(texts: dict[int, str]) -> FakePdf:
    """A fake PDF whose page N holds one passage with ``texts[N]``."""
    return FakePdf({page: [make_unit(text, page)] for page, text in texts.items()})


@pytest.fixture
def fake_judge() -> FakeJudge:
    return FakeJudge()


@pytest.fixture
def embedder() -> CountingEmbedder:
    return CountingEmbedder()


@pytest.fixture
def fakes() -> ModuleType:
    """This module: its builders and fakes (conftest files are not importable by name)."""
    return sys.modules[__name__]
