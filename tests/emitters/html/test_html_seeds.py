"""The real seed reports rendered with a finding on every claim and every citation.

The seeds are agent output the renderer was not written around (task files,
a run log with mojibake, tables with citations in cells): every finding must
get its anchor, and its highlighted text must be exactly its span, markdown
markers aside.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from citecheck.emitters.html import render
from citecheck.models import Finding, Severity, Span
from citecheck.report.decode import read_text
from citecheck.report.parse import parse_report
from citecheck.rulepack import load_pack

MARKERS_RE = re.compile(r"\*\*|__|`|\s")
LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\([^()\s]*\)")


def _visible(text: str) -> str:
    """``text`` as the page shows it, whitespace aside: no emphasis markers, link text only."""
    return MARKERS_RE.sub("", LINK_RE.sub(r"\1", text))


SEEDS = ["000", "001", "002", "003", "004"]


def _finding(path: Path, index: int, span: Span, severity: Severity) -> Finding:
    return Finding(
        code="CC201",
        slug="x",
        category="x",
        severity=severity,
        path=str(path),
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        message=f"#{index}",
    )


@pytest.mark.parametrize("prefix", SEEDS)
def test_every_claim_and_citation_of_a_seed_is_highlighted_exactly(
    prefix: str, seed: Callable[..., Path], result_of, parse_html
) -> None:
    path = seed(prefix)
    text = read_text(path).text
    report = parse_report(path, load_pack())
    spans = [c.span for c in report.claims] + [c.span for c in report.citations]
    severities = [Severity.INFO] * len(report.claims) + [Severity.ERROR] * len(report.citations)
    findings = [
        _finding(path, i, s, v) for i, (s, v) in enumerate(zip(spans, severities, strict=True))
    ]
    assert findings
    root = parse_html(render(result_of(*findings)))
    panels = root.find_all("details", class_="finding")
    assert len(panels) == len(findings)
    shown: dict[str, list[str]] = {p.attrs["id"]: [] for p in panels}
    for mark in root.find_all("mark", class_="hl"):
        for finding_id in mark.attrs["data-findings"].split():
            shown[finding_id].append(mark.text())
    misplaced = []
    for panel in panels:
        span = spans[int(panel.find_all("span", class_="msg")[0].text()[1:])]
        got = _visible("".join(shown[panel.attrs["id"]]))
        if got != _visible(text[span.start : span.end]):
            misplaced.append((span.line, text[span.start : span.end][:30], got[:30]))
        assert root.by_id("at-" + panel.attrs["id"]).tag == "span"
    assert misplaced == []
