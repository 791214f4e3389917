"""Corpus folder: discovery, path safety, names, memoised sources, cache dir."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citecheck.corpus.folder import Corpus, OutsideCorpusError, default_cache_dir
from citecheck.errors import InputError
from tests.corpus.corpus_factories import build_collection, build_paper


@pytest.fixture
def task(tmp_path: Path) -> Path:
    root = tmp_path / "task"
    (root / "reports").mkdir(parents=True)
    build_paper(root / "pdf.pdf", body_pages=1)
    build_collection(root / "long_context_sampled_60.json", ["Doc A", "Doc B"])
    (root / "video.mp4").write_bytes(b"")
    (root / "video.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nhi\n", encoding="utf-8")
    (root / "reports" / "report.md").write_text("# r\n", encoding="utf-8")
    return root


def test_discover_walks_up_to_the_folder_with_sources(task: Path) -> None:
    corpus = Corpus.discover(task / "reports" / "report.md")
    assert corpus is not None and corpus.root == task.resolve()
    assert corpus.cache_dir == task.resolve() / ".citecheck-cache"
    assert Corpus.discover(task) is not None


def test_discover_finds_nothing_without_sources(tmp_path: Path) -> None:
    empty = tmp_path / "a" / "b"
    empty.mkdir(parents=True)
    (empty / "notes.json").write_text(json.dumps({"x": 1}), encoding="utf-8")
    found = Corpus.discover(empty)
    assert found is None or not str(found.root).startswith(str(tmp_path))


def test_safe_path_rejects_escapes(task: Path, tmp_path: Path) -> None:
    corpus = Corpus.open(task)
    assert corpus.safe_path("pdf.pdf") == task.resolve() / "pdf.pdf"
    for name in ("../../etc/passwd", "/etc/passwd", "reports/../../outside.txt"):
        with pytest.raises(OutsideCorpusError):
            corpus.safe_path(name)
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    (task / "link.pdf").symlink_to(secret)
    with pytest.raises(OutsideCorpusError) as caught:
        corpus.pdf("link.pdf")
    assert isinstance(caught.value, InputError)


def test_names_and_sources_are_memoised(task: Path) -> None:
    corpus = Corpus.open(task, cache_dir=task / "cache-here")
    assert "pdf.pdf" in corpus.file_names() and "reports/report.md" in corpus.file_names()
    assert corpus.nearest_names("paper.pdf", 1) == ["pdf.pdf"]
    assert corpus.pdf("pdf.pdf") is corpus.pdf("pdf.pdf")
    assert corpus.pdf("missing.pdf") is None
    collection = corpus.collection("long_context")
    assert collection is not None and collection is corpus.collection("long_context")
    assert collection.index_path.parent == task / "cache-here"
    assert collection.lookup("Doc B").match is not None
    assert corpus.collection("other") is None
    assert corpus.video("video.mp4").has_transcript
    assert not corpus.video("other.mp4").has_evidence
    assert all(".citecheck-cache" not in n for n in Corpus.open(task).file_names())


def test_open_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="corpus folder not found"):
        Corpus.open(tmp_path / "nope")


def test_read_only_root_uses_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    cache = default_cache_dir(tmp_path)
    assert cache.parent == Path.home() / ".cache" / "citecheck"
    assert len(cache.name) == 40
