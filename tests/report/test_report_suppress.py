"""Inline suppression comments."""

from __future__ import annotations

from citecheck.models import Finding, Severity
from citecheck.report.suppress import is_suppressed, parse_suppressions

TEXT = """<!-- citecheck: disable-next-line CC201 uncited-claim -->
模型很好。
其他。 <!-- citecheck: disable-line -->
<!-- citecheck: disable-file CC901 -->
"""


def finding(code: str, slug: str, line: int) -> Finding:
    return Finding(
        code=code,
        slug=slug,
        category="x",
        severity=Severity.ERROR,
        path="r.md",
        line=line,
        column=1,
        end_line=line,
        end_column=2,
        message="m",
    )


def test_parse_scopes_lines_and_codes() -> None:
    scopes = [(s.scope, s.line, s.codes) for s in parse_suppressions(TEXT)]
    assert scopes == [
        ("next-line", 2, ["CC201", "uncited-claim"]),
        ("line", 3, []),
        ("file", 4, ["CC901"]),
    ]


def test_is_suppressed_by_code_slug_line_and_file() -> None:
    suppressions = parse_suppressions(TEXT)
    assert is_suppressed(finding("CC201", "unsupported-claim", 2), suppressions)
    assert is_suppressed(finding("CC203", "uncited-claim", 2), suppressions)
    assert not is_suppressed(finding("CC202", "contradicted-claim", 2), suppressions)
    assert is_suppressed(finding("CC202", "contradicted-claim", 3), suppressions)
    assert is_suppressed(finding("CC901", "damaged-encoding", 40), suppressions)
    assert not is_suppressed(finding("CC101", "citation-unresolvable", 40), suppressions)
