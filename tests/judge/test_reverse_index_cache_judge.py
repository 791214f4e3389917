"""The glossary's reverse index: shipped for the default glossaries, else built once per
machine and read from the user cache."""

from __future__ import annotations

import pytest

from citecheck.judge import glossary


@pytest.fixture
def fresh_index(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(glossary, "SHIPPED_INDEX_DIR", tmp_path / "nothing shipped")
    glossary._reverse_index.cache_clear()
    yield tmp_path / "citecheck"
    glossary._reverse_index.cache_clear()


def test_index_is_written_once_and_read_back(fresh_index, monkeypatch) -> None:
    built = glossary._reverse_index()
    (cached,) = fresh_index.glob("reverse-index-*.json")
    assert {"神", "经"} <= built["neural"]

    def never(*_args):
        raise AssertionError("the cached index should have been read")

    glossary._reverse_index.cache_clear()
    monkeypatch.setattr(glossary, "_build_reverse_index", never)
    assert glossary._reverse_index() == built
    assert cached.exists()


def test_a_damaged_cache_file_is_rebuilt(fresh_index) -> None:
    expected = glossary._reverse_index()
    (cached,) = fresh_index.glob("reverse-index-*.json")
    cached.write_text("{not json", encoding="utf-8")
    glossary._reverse_index.cache_clear()
    assert glossary._reverse_index() == expected


def test_the_shipped_index_is_current_and_is_read_first(tmp_path, monkeypatch) -> None:
    """A stale shipped index (a version bump, a changed glossary) fails here: run
    ``make reverse-index``."""
    monkeypatch.delenv("CITECHECK_GLOSSARIES", raising=False)
    shipped = glossary.SHIPPED_INDEX_DIR / f"reverse-index-{glossary._reverse_index_key()}.json"
    assert shipped.is_file(), "no shipped reverse index for this version: make reverse-index"
    assert sorted(glossary.SHIPPED_INDEX_DIR.glob("reverse-index-*.json")) == [shipped]
    fresh = glossary._build_reverse_index()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    glossary._reverse_index.cache_clear()
    monkeypatch.setattr(glossary, "_build_reverse_index", lambda: {})
    try:
        assert glossary._reverse_index() == fresh
    finally:
        glossary._reverse_index.cache_clear()
    assert not (tmp_path / "citecheck").exists()  # nothing built or written
