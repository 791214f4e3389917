"""Fixtures for every test folder: the real seed reports in ../shared/seeds."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The real agent reports in ../shared/seeds; the test is skipped without them."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def seed(seeds: Path) -> Callable[..., Path]:
    """``seed("002")`` is the seed file named ``002_*.txt``; ``suffix`` picks the repair."""

    def find(prefix: str, suffix: str = ".txt") -> Path:
        for path in sorted(seeds.iterdir()):
            repaired = ".repaired" in path.name
            named = path.name.startswith(prefix) and path.name.endswith(suffix)
            if named and repaired == (suffix == ".repaired.txt"):
                return path
        pytest.skip(f"seed {prefix}*{suffix} is not present")

    return find
