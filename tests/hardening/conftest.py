"""Fixtures of the hardening tests: a task folder to attack and a private user
cache; the helpers that run citecheck live in hostile.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.hardening.hostile import COLLECTION, DEMO, DEMO_FILES, REPORT


@pytest.fixture(autouse=True)
def user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user cache, so that no test reads or writes the real one."""
    folder = tmp_path_factory.mktemp("user-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def task(tmp_path: Path) -> Path:
    """A task folder: PDF, video with sidecars, trace, a small collection, one report."""
    folder = tmp_path / "task"
    folder.mkdir()
    for name in DEMO_FILES:
        shutil.copy(DEMO / name, folder / name)
    (folder / "long_context.json").write_text(json.dumps(COLLECTION), encoding="utf-8")
    (folder / "report.md").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the task holding a secret no output may show."""
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder
