"""The reporters: JSON contract, SARIF 2.1.0 structure, GitHub escaping (HTML: tests/html)."""

from __future__ import annotations

import json

import pytest

from citecheck.emitters import FORMAT_MODULES, github, jsonfmt, render, sarif, text
from citecheck.models import Evidence, Finding, Result, Severity, Summary
from citecheck.pipeline import summarise


def make_finding(**changes) -> Finding:
    values = {
        "code": "CC101",
        "slug": "citation-unresolvable",
        "category": "citation-unresolvable",
        "severity": Severity.ERROR,
        "path": "reports/a.md",
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 22,
        "message": "cited source not found",
        "claim": "Sales doubled <script>alert(1)</script>",
        "citation": "[Doc: missing.pdf]",
        "evidence": [Evidence(source="paper.pdf", locator="page 2", text="Sales & <b>rose</b>")],
        "score": 0.25,
        "fix": "cite a file of the corpus",
    }
    return Finding(**{**values, **changes})


def make_result(*findings: Finding) -> Result:
    return Result(
        version="0.1.0",
        corpus="task",
        files=["reports/a.md"],
        findings=list(findings),
        summary=summarise(list(findings), 1, 4, 2, []),
    )


FINDING_KEYS = {
    "code",
    "slug",
    "category",
    "severity",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "claim",
    "citation",
    "evidence",
    "score",
}


def test_json_contract_keys_and_order() -> None:
    data = json.loads(jsonfmt.render(make_result(make_finding())))
    assert list(data) == ["version", "corpus", "files", "findings", "summary"]
    finding = data["findings"][0]
    assert set(finding) >= FINDING_KEYS
    assert finding["severity"] == "error"
    assert finding["evidence"] == [
        {"source": "paper.pdf", "locator": "page 2", "text": "Sales & <b>rose</b>"}
    ]
    assert data["summary"]["by_severity"] == {"info": 0, "warning": 0, "error": 1}


def test_sarif_structure() -> None:
    finding = make_finding(severity=Severity.INFO)
    log = json.loads(sarif.render(make_result(finding)))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "citecheck" and driver["version"] == "0.1.0"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and "Anti-pattern" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert run["invocations"] == [{"executionSuccessful": True}]
    (result,) = run["results"]
    assert result["ruleId"] == "CC101"
    assert driver["rules"][result["ruleIndex"]]["id"] == "CC101"
    assert result["level"] == "note"
    assert result["message"]["text"].startswith("cited source not found")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "reports/a.md"
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 22}
    assert set(result["partialFingerprints"]) == {"citecheck/v1"}


def test_sarif_fingerprint_ignores_line_but_not_claim() -> None:
    base = sarif.fingerprint(make_finding())
    assert sarif.fingerprint(make_finding(line=40, end_line=40)) == base
    assert sarif.fingerprint(make_finding(claim="Another claim")) != base
    assert sarif.fingerprint(make_finding(code="CC102")) != base


def test_github_annotation_escapes_message_and_properties() -> None:
    finding = make_finding(
        path="dir,x/a:b.md",
        severity=Severity.WARNING,
        message="100% wrong\nsecond line",
        fix=None,
    )
    line = github.render(make_result(finding)).rstrip("\n")
    assert "\n" not in line
    assert line == (
        "::warning file=dir%2Cx/a%3Ab.md,line=3,col=5,endLine=3,endColumn=22,"
        "title=CC101 citation-unresolvable::100%25 wrong%0Asecond line"
    )


def test_github_info_is_a_notice_with_fix() -> None:
    line = github.annotation(make_finding(severity=Severity.INFO))
    assert line.startswith("::notice ") and line.endswith("%0AFix: cite a file of the corpus")


def test_text_colour_only_when_asked() -> None:
    result = make_result(make_finding())
    assert "\x1b[" not in text.render(result)
    assert "\x1b[" in text.render(result, color=True)


@pytest.mark.parametrize("fmt", sorted(FORMAT_MODULES))
def test_every_format_renders_an_empty_result(fmt: str) -> None:
    rendered = render(make_result(), fmt)
    assert isinstance(rendered, str)
    if fmt == "github":
        assert rendered == ""
    else:
        assert rendered.endswith("\n")


def test_summary_counts_every_level() -> None:
    summary: Summary = summarise([make_finding(), make_finding(code="CC203")], 2, 5, 1, ["x"])
    assert summary.by_severity == {"info": 0, "warning": 0, "error": 2}
    assert summary.by_code == {"CC101": 1, "CC203": 1}
    assert summary.judge_backend == "x"
