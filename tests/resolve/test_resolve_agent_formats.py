"""Other agents' task folders (corpora/agents): resolution findings and no uncited markers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.cli import main

AGENTS = Path(__file__).resolve().parents[2] / "corpora" / "agents"
EXPECTED: dict[str, dict[str, list[int]]] = json.loads(
    (AGENTS / "expected.json").read_text(encoding="utf-8")
)
RESOLUTION = ["CC101", "CC111", "CC121"]


@pytest.mark.parametrize("report", sorted(EXPECTED))
def test_resolution_findings_match_the_labels(report: str) -> None:
    result = citecheck.check(AGENTS / report, select=[*RESOLUTION, "CC203"])
    found = {(f.code, f.line) for f in result.findings if f.code in RESOLUTION}
    expected = {(code, line) for code, lines in EXPECTED[report].items() for line in lines}
    assert found == expected
    assert not [f for f in result.findings if f.code == "CC203"], "a cited sentence is uncited"


def test_line_range_evidence_and_fetched_pages_resolve() -> None:
    from citecheck.corpus.folder import Corpus
    from citecheck.report.parse import parse_report
    from citecheck.resolve.resolver import resolve_citations
    from citecheck.rulepack import load_pack

    pack = load_pack()
    folder = AGENTS / "chatgpt_zh"
    report = parse_report(folder / "report.md", pack)
    resolutions = resolve_citations(report, Corpus.open(folder), None, pack)
    first = resolutions[0]
    assert first.status == "resolved"
    assert [u.locator for u in first.units] == ["L2-L3"]
    assert "400 Wh/kg" in first.units[0].text and "lithium-ion" in first.units[0].text


def test_syntax_option_overrides_detection() -> None:
    report = str(AGENTS / "open_deep_research" / "report.md")
    detected = CliRunner().invoke(main, ["lint", report, "--select", "CC203", "--format", "json"])
    forced = CliRunner().invoke(
        main, ["lint", report, "--select", "CC203", "--syntax", "labelled", "--format", "json"]
    )
    assert json.loads(detected.output)["findings"] == []
    assert len(json.loads(forced.output)["findings"]) >= 3
    unknown = CliRunner().invoke(main, ["lint", report, "--syntax", "nonesuch"])
    assert unknown.exit_code == 2 and "unknown citation syntax" in unknown.output
