"""Fixtures for the support tests; the fakes and builders live in tests/fakes."""

from __future__ import annotations

import pytest

from tests.fakes import FakeJudge


@pytest.fixture
def fake_judge() -> FakeJudge:
    return FakeJudge()
