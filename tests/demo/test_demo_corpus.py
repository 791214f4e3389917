"""The demo task folder: its files agree with each other, and the linter finds
exactly the planted defects listed in ``corpora/demo/expected.json``."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pymupdf
import pytest

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"
REPORTS = DEMO / "reports"
EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
PDF_PAGES = 14
COLLECTION_CITATION = re.compile(r'\[long_context: "(?P<title>[^"]+)", chunk (?P<chunk>\d+)\]')
PAGE_CITATION = re.compile(r"pdf\.pdf, page (?P<pages>[\d,\s–-]+)\]")
# codes whose planted defect is a title that must NOT resolve
UNRESOLVABLE = {"CC101"}

Key = tuple[str, int, str]


def _report_lines(name: str) -> list[str]:
    return (REPORTS / name).read_text(encoding="utf-8").split("\n")


def _collection_titles() -> set[str]:
    documents = json.loads((DEMO / "long_context.json").read_text(encoding="utf-8"))
    return {doc["title"] for doc in documents}


def _chunk_map() -> dict[str, int]:
    counts: dict[str, int] = {}
    with (DEMO / "long_context.chunks.jsonl").open(encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            counts[row["title"]] = max(counts.get(row["title"], 0), row["chunk"] + 1)
    return counts


def _planted_lines(codes: set[str]) -> set[tuple[str, int]]:
    return {(e["report"], e["line"]) for e in EXPECTED if e["code"] in codes}


# ------------------------------------------------------------ consistency (fast)


def test_pdf_opens_with_expected_page_count() -> None:
    with pymupdf.open(DEMO / "pdf.pdf") as doc:
        assert doc.page_count == PDF_PAGES
        assert "Published as a conference paper at ICLR 2025" in doc[0].get_text()
        assert "REFERENCES" in doc[PDF_PAGES - 2].get_text()


def test_expected_lines_contain_the_cited_text() -> None:
    for entry in EXPECTED:
        lines = _report_lines(entry["report"])
        assert 1 <= entry["line"] <= len(lines), entry
        assert entry["text"] in lines[entry["line"] - 1], entry
        assert re.fullmatch(r"CC\d{3}", entry["code"]), entry


def test_cited_titles_exist_unless_planted_unresolvable() -> None:
    titles = _collection_titles()
    chunks = _chunk_map()
    planted = [(e["report"], e["text"]) for e in EXPECTED if e["code"] in UNRESOLVABLE]
    for report in sorted(p.name for p in REPORTS.glob("*.md")):
        for number, line in enumerate(_report_lines(report), start=1):
            for match in COLLECTION_CITATION.finditer(line):
                cited = match["title"]
                known = [t for t in titles if t == cited or t.startswith(cited)]
                if any(r == report and text in cited for r, text in planted):
                    assert not known, f"{report}:{number} planted unresolvable title exists"
                    continue
                assert len(known) == 1, f"{report}:{number} cites unknown title {cited!r}"
                assert known[0] in chunks, f"{report}:{number}: {known[0]!r} not in the chunk map"


def test_out_of_range_defects_really_are_out_of_range() -> None:
    chunks = _chunk_map()
    out_of_range = _planted_lines({"CC111"})
    for report, number in out_of_range:
        line = _report_lines(report)[number - 1]
        pages = [
            int(p)
            for p in re.findall(r"\d+", "".join(m["pages"] for m in PAGE_CITATION.finditer(line)))
        ]
        beyond_pdf = any(p > PDF_PAGES for p in pages)
        beyond_doc = any(
            int(m["chunk"]) >= chunks.get(m["title"], 0) for m in COLLECTION_CITATION.finditer(line)
        )
        assert beyond_pdf or beyond_doc, f"{report}:{number} cites nothing out of range"


def test_clean_report_cites_only_pages_that_exist() -> None:
    for line in _report_lines("clean-report.md"):
        for match in PAGE_CITATION.finditer(line):
            pages = [int(p) for p in re.findall(r"\d+", match["pages"])]
            assert all(1 <= p <= PDF_PAGES for p in pages), line


def test_trace_lists_video_calls_as_successful_and_one_truncated_listing() -> None:
    log = (DEMO / "trace.log").read_text(encoding="utf-8")
    assert log.count("Tool Call Success") == 6
    assert "Tool Call Failed" not in log
    assert log.count("... [truncated]") == 1


def test_video_sidecars_name_the_presenter() -> None:
    meta = json.loads((DEMO / "video.meta.json").read_text(encoding="utf-8"))
    segments = json.loads((DEMO / "video.transcript.json").read_text(encoding="utf-8"))
    assert meta["presenter"] in {s["speaker"] for s in segments}
    assert all(s["start"] < s["end"] for s in segments)
    assert (DEMO / "video.mp4").stat().st_size > 0


# ------------------------------------------------------------ full lint (slow)


def _lint_findings() -> dict[Key, str]:
    from citecheck.pipeline import LintOptions, lint

    result = lint([REPORTS], LintOptions(corpus=DEMO, trace=DEMO / "trace.log"))
    found: dict[Key, str] = {}
    for finding in result.findings:
        if finding.severity.value in {"error", "warning"}:
            key = (Path(finding.path).name, finding.line, finding.code)
            found[key] = f"{finding.severity.value}: {finding.message}"
    return found


def _diff(expected: dict[Key, str], found: dict[Key, str]) -> str:
    missing = [
        f"  missing  {r}:{line} {code}  ({expected[(r, line, code)]})"
        for r, line, code in sorted(expected.keys() - found.keys())
    ]
    extra = [
        f"  extra    {r}:{line} {code}  {found[(r, line, code)]}"
        for r, line, code in sorted(found.keys() - expected.keys())
    ]
    return "\n".join(["findings differ from corpora/demo/expected.json:", *missing, *extra])


@pytest.fixture(scope="module")
def demo_findings() -> dict[Key, str]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return _lint_findings()


# planted defects only a model's judgement finds (support and video-content rules):
# their recall is measured by benchmarks/bench_demo.py, the rest is exact here
JUDGED = {"CC201", "CC202", "CC204", "CC205", "CC401", "CC402"}


@pytest.mark.slow
def test_lint_finds_every_planted_defect_the_rules_decide(demo_findings: dict[Key, str]) -> None:
    """Every planted resolution, attribution, requirement and uncited-claim defect is
    found; findings nobody planted, and the judged defects, are counted and listed by
    ``benchmarks/bench_demo.py`` rather than locked in here as expected output."""
    expected = {
        (e["report"], e["line"], e["code"]): e["note"] for e in EXPECTED if e["code"] not in JUDGED
    }
    missing = {k: v for k, v in expected.items() if k not in demo_findings}
    assert not missing, _diff(expected, demo_findings)


@pytest.mark.slow
def test_clean_report_has_no_error(demo_findings: dict[Key, str]) -> None:
    errors = {
        k: v
        for k, v in demo_findings.items()
        if k[0] == "clean-report.md" and v.startswith("error")
    }
    assert not errors, errors
