"""Fixtures for the batch-audit tests; task-folder builders live in batch_factories.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.batch_factories import SharedSources


@pytest.fixture(scope="session")
def shared_sources(tmp_path_factory: pytest.TempPathFactory) -> SharedSources:
    """One paper and one collection, built once and hard-linked into task folders."""
    return SharedSources.build(tmp_path_factory.mktemp("shared-sources"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep each test's collection indexes and embeddings out of the user cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
