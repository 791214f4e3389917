"""Fixtures for every test folder: the real seed reports in shared/seeds above the checkout."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from citecheck.rulepack import RulePack, load_pack
from tests.fakes import CountingEmbedder

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SEEDS = next(
    (
        p / "shared" / "seeds"
        for p in Path(__file__).resolve().parents[1:]
        if (p / "shared" / "seeds").is_dir()
    ),
    Path(__file__).resolve().parents[1].parent / "shared" / "seeds",
)
"""The nearest ``shared/seeds`` above the checkout (a worktree sits deeper than main)."""


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The real agent reports (shared/seeds); the test is skipped without them."""
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


@pytest.fixture(scope="session")
def pack() -> RulePack:
    """The shipped default rule pack."""
    return load_pack("default")


@pytest.fixture
def embedder() -> CountingEmbedder:
    """A deterministic trigram-hashing embedder that counts what it embeds."""
    return CountingEmbedder()
