"""HTML audit benchmark (issue 12): render time and page size on real reports.

For each report (default: the seeds in ../shared/seeds) it parses the report,
makes one finding per claim and one per citation (far more than a real run
has), and renders the audit page ``--repeat`` times; it prints the report size,
the findings, the page size and the median render time.

Usage: ``python benchmarks/bench_html.py [REPORT ...] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from citecheck.emitters.html import render
from citecheck.models import Finding, Result, Severity, Span
from citecheck.pipeline import summarise
from citecheck.report.parse import parse_report
from citecheck.rulepack import load_pack

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _finding(path: Path, span: Span, severity: Severity) -> Finding:
    return Finding(
        code="CC205",
        slug="unconfirmed-claim",
        category="unsupported-claim",
        severity=severity,
        path=str(path),
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        message="benchmark finding",
    )


def stress_result(path: Path) -> Result:
    """A result for ``path`` with a finding on every claim and every citation."""
    report = parse_report(path, load_pack())
    findings = [_finding(path, c.span, Severity.WARNING) for c in report.claims]
    findings += [_finding(path, c.span, Severity.ERROR) for c in report.citations]
    summary = summarise(findings, 1, len(report.claims), len(report.citations), [])
    return Result(
        version="bench", corpus=None, files=[str(path)], findings=findings, summary=summary
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    reports = args.reports or sorted(p for p in SEEDS.glob("*.txt") if ".repaired" not in p.name)
    print(f"{'report':<34} {'chars':>7} {'findings':>8} {'page KB':>8} {'median ms':>10}")
    for path in reports:
        result = stress_result(path)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            page = render(result)
            times.append(time.perf_counter() - start)
        chars = len(path.read_text(encoding="utf-8", errors="replace"))
        print(
            f"{path.name[:34]:<34} {chars:>7} {len(result.findings):>8} "
            f"{len(page.encode('utf-8')) / 1024:>8.0f} {statistics.median(times) * 1000:>10.1f}"
        )


if __name__ == "__main__":
    main()
