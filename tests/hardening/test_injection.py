"""Text from sources and reports cannot drive the terminal or forge CI commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.emitters import render
from citecheck.models import Category, Evidence, Finding, Result, Severity, Summary
from tests.hardening.hostile import run_cli

HOSTILE = "Title\x1b]0;pwned\x07\r\n::error::INJECT\x9b31m"


def _result(text: str) -> Result:
    finding = Finding(
        code="CC101",
        slug="citation-unresolvable",
        category=Category.CITATION_UNRESOLVABLE,
        severity=Severity.ERROR,
        path="report.md",
        line=3,
        column=1,
        end_line=3,
        end_column=9,
        message=f"cannot resolve {text}",
        claim=text,
        citation=f"[long_context: {text}]",
        evidence=[Evidence(source="long_context.json", locator=text, text=text)],
        fix=f"cite {text}",
    )
    summary = Summary(files=1, claims=1, citations=1, findings=1, by_severity={}, by_code={})
    return Result(
        version="0", corpus=None, files=["report.md"], findings=[finding], summary=summary
    )


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_are_escaped(fmt: str) -> None:
    output = render(_result(HOSTILE), fmt)
    assert not any(ch in output for ch in "\x1b\x07\r\x9b")
    lines = output.splitlines()
    forged = [line for line in lines if line.startswith("::error::")]
    assert forged == []
    assert "\\x1b" in output


def test_github_annotations_stay_one_line_each() -> None:
    output = render(_result(HOSTILE), "github")
    assert len(output.splitlines()) == 1
    assert output.startswith("::error file=report.md")


def test_a_hostile_collection_title_reaches_no_terminal(task: Path) -> None:
    title = "Sampling\x1b]0;pwned\x07 methods"
    (task / "long_context.json").write_text(
        json.dumps([{"title": title, "content": "text " * 50}]), encoding="utf-8"
    )
    (task / "report.md").write_text(
        '# 报告\n\n博客讨论了采样[long_context: "Sampling methods", chunk 0]。\n', encoding="utf-8"
    )
    outcome = run_cli("lint", task / "report.md", "--select", "CC1")
    assert "\x1b" not in outcome.stdout and "\x07" not in outcome.stdout
    assert "\\x1b" in outcome.stdout
