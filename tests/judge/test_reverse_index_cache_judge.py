"""The glossary's reverse index is built once per machine, then read from the user cache."""

from __future__ import annotations

import pytest

from citecheck.judge import glossary


@pytest.fixture
def fresh_index(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
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
