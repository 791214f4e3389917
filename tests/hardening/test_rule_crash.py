"""A rule that raises is one finding naming the rule (category internal-error), the
other rules still run, and the run exits 2 at the end, as sqlfluff does (issue 18)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from citecheck.checks.base import LintContext
from citecheck.checks.cc101_citation_unresolvable import CitationUnresolvable
from citecheck.models import Finding
from tests.hardening.hostile import run_cli


def _explode(self: object, ctx: LintContext) -> Iterable[Finding]:
    yield from ()
    raise ZeroDivisionError("division by zero in the rule")


def test_a_crashing_rule_is_one_finding_and_the_others_run(
    task: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (task / "report.md").write_text(
        "# 报告\n\n论文[文档: missing.pdf, page 1]。\n\n方法[文档: pdf.pdf, page 999]。\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(CitationUnresolvable, "check", _explode)
    outcome = run_cli("lint", "--select", "CC1", task / "report.md", "--format", "json")
    assert outcome.code == 2, outcome
    findings = json.loads(outcome.stdout)["findings"]
    crashed = [f for f in findings if f["category"] == "internal-error"]
    assert [f["code"] for f in crashed] == ["CC101"]
    assert "ZeroDivisionError" in crashed[0]["message"]
    assert "CC111" in {f["code"] for f in findings}  # the others still ran
    assert "internal error" not in outcome.stderr
