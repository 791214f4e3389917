"""Fixtures for the attribution tests; the fakes live in tests/fakes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from citecheck.checks.base import LintContext, Rule, all_rules
from citecheck.models import Finding
from citecheck.rulepack import RulePack
from tests.fakes import make_report

MY_CODES = ("CC301", "CC302", "CC303", "CC304", "CC305", "CC401", "CC402", "CC403")


@pytest.fixture
def lint_text(pack: RulePack) -> Callable[..., list[Finding]]:
    """Run this area's rules on report text with a fake corpus and trace."""

    def run(text: str, corpus: Any = None, trace: Any = None) -> list[Finding]:
        ctx = LintContext(report=make_report(text, pack), pack=pack, corpus=corpus, trace=trace)
        rules: list[Rule] = [r() for r in all_rules() if r.code in MY_CODES]
        return [f for rule in rules for f in rule.check(ctx)]

    return run
