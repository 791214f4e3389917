"""Fixtures shared by the report-parsing tests."""

from __future__ import annotations

import pytest

from citecheck.rulepack import RulePack, load_pack


@pytest.fixture(scope="session")
def pack() -> RulePack:
    """The shipped default rule pack."""
    return load_pack("default")
