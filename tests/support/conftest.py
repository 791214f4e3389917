"""Fixtures for the support tests; the fakes and builders live in tests/fakes."""

from __future__ import annotations

from types import ModuleType

import pytest

import tests.fakes
from tests.fakes import CountingEmbedder, FakeJudge


@pytest.fixture
def fake_judge() -> FakeJudge:
    return FakeJudge()


@pytest.fixture
def embedder() -> CountingEmbedder:
    return CountingEmbedder()


@pytest.fixture
def fakes() -> ModuleType:
    """The shared fakes and builders (tests/fakes), as the support tests call them."""
    return tests.fakes
