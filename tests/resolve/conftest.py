"""Fixtures for the resolution tests: a corpus folder, a collection, report and trace
builders; the fakes live in tests/fakes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from citecheck.models import Report, SourceUnit
from tests.fakes import (
    FakeCollection,
    FakeCorpus,
    FakeHit,
    FakeRetrieval,
    FakeTrace,
    FakeVideo,
    build_report,
    make_pdf,
)


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
    return FakeCorpus(
        root,
        videos={"video.mp4": FakeVideo(segments=[segment])},
        collections={"long_context": collection},
    )


@pytest.fixture
def report_of() -> Callable[..., Report]:
    """``report_of(text, query=None, **fields)`` builds a report (see :func:`build_report`)."""
    return build_report


@pytest.fixture
def trace_of() -> Callable[..., FakeTrace]:
    """``trace_of([(title, chunk), …], complete=True)``: a trace of one retrieval."""

    def make(hits: list[tuple[str, int]], complete: bool = True) -> FakeTrace:
        results = [FakeHit(title, chunk) for title, chunk in hits]
        return FakeTrace(
            retrievals=[FakeRetrieval("rag_search", "query", results, complete, line=10)]
        )

    return make


@pytest.fixture
def pdf_maker() -> Callable[[Path, list[str]], Path]:
    """``pdf_maker(path, [page texts])`` writes a PDF with one line of text per page."""
    return make_pdf
