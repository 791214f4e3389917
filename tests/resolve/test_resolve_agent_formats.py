"""Other agents' task folders (corpora/agents, one per format, labels written with the
corpus): every resolution defect found and nothing else, no marked sentence uncited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.cli import main
from citecheck.report.parse import parse_report
from citecheck.rulepack import load_pack

AGENTS = Path(__file__).resolve().parents[2] / "corpora" / "agents"
LABELS = json.loads((AGENTS / "labels.json").read_text(encoding="utf-8"))
RESOLUTION = {
    "CC101": "citation-unresolvable",
    "CC111": "citation-out-of-range",
    "CC121": "ungrounded-citation",
}
REPORTS = sorted({label["report"] for label in LABELS["defects"] + LABELS["traps"]})


@pytest.mark.parametrize("report", REPORTS)
def test_resolution_findings_are_the_labelled_defects(report: str) -> None:
    folder = AGENTS / report.split("/")[0]
    result = citecheck.check(AGENTS / report, corpus=folder, select=[*RESOLUTION, "CC203"])
    found = {(RESOLUTION[f.code], f.line) for f in result.findings if f.code in RESOLUTION}
    labelled = {
        (d["category"], d["line"])
        for d in LABELS["defects"]
        if d["report"] == report and d["category"] in RESOLUTION.values()
    }
    assert found == labelled
    claims = parse_report(AGENTS / report, load_pack()).claims
    marked = {(c.span.line, c.span.column) for c in claims if c.citations and not c.inherited}
    uncited = {(f.line, f.column) for f in result.findings if f.code == "CC203"}
    assert not uncited & marked, "a sentence that carries a marker is reported uncited"


def test_line_range_evidence_is_the_named_lines() -> None:
    from citecheck.corpus.folder import Corpus
    from citecheck.resolve.resolver import resolve_citations

    pack = load_pack()
    folder = AGENTS / "chatgpt"
    report = parse_report(folder / "reports" / "report_en.md", pack)
    listed = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    index = {str(item["n"]): item["file"] for item in listed}
    checked = 0
    for resolution in resolve_citations(report, Corpus.open(folder), None, pack):
        target = resolution.target
        if not target.lines or resolution.status != "resolved":
            continue
        lines = (folder / index[target.key]).read_text(encoding="utf-8").splitlines()
        (unit,) = resolution.units
        assert unit.text == "\n".join(lines[min(target.lines) - 1 : max(target.lines)])
        checked += 1
    assert checked >= 3


def test_syntax_option_overrides_detection() -> None:
    report = str(AGENTS / "open_deep_research" / "reports" / "report_en.md")
    base = ["lint", report, "--select", "CC203", "--format", "json"]
    detected = json.loads(CliRunner().invoke(main, base).output)["findings"]
    forced = json.loads(CliRunner().invoke(main, [*base, "--syntax", "labelled"]).output)
    assert len(forced["findings"]) >= len(detected) + 10, "markers no longer count as citations"
    unknown = CliRunner().invoke(main, ["lint", report, "--syntax", "nonesuch"])
    assert unknown.exit_code == 2 and "unknown citation syntax" in unknown.output
