"""Chunker: deterministic, bounded, title first, documented parameters."""

from __future__ import annotations

import pytest

from citecheck.corpus.chunker import Chunker


def test_title_starts_first_chunk_and_short_docs_fit_one() -> None:
    assert Chunker().chunks("Title", "short text") == ["Title\nshort text"]


def test_paragraphs_then_sentences_respect_the_limit() -> None:
    text = "\n".join(["第一句话。第二句话！第三句话？" * 6] * 4)
    chunks = Chunker(max_chars=100).chunks("T", text)
    assert all(len(c) <= 100 for c in chunks)
    assert "".join(chunks).replace("\n", "") == ("T" + text).replace("\n", "")
    assert all(c.endswith(("。", "！", "？")) for c in chunks[1:-1])
    assert Chunker(max_chars=100).chunks("T", text) == chunks


def test_overlong_sentence_is_sliced() -> None:
    chunks = Chunker(max_chars=50).chunks("T", "x" * 120)
    assert [len(c) for c in chunks] == [1, 50, 50, 20]


def test_overlap_prefixes_previous_tail() -> None:
    chunks = Chunker(max_chars=20, overlap=5).chunks("T", "aaaa. bbbb. cccc. dddd. eeee. ffff.")
    assert chunks[1].startswith(chunks[0][-5:])


def test_describe_and_validation() -> None:
    assert Chunker(max_chars=500).describe() == {
        "name": "paragraph-sentence",
        "max_chars": 500,
        "overlap": 0,
    }
    with pytest.raises(ValueError):
        Chunker(max_chars=10, overlap=10)
