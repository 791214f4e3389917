"""A mojibake report is parsed on its repair, with columns in the file as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.report.claims import is_about_the_report
from citecheck.report.parse import parse_report
from citecheck.report.repair import repaired_view
from citecheck.rulepack import load_pack

CLEAN = "# 报告\n\n## 视频补充要点\n\n讲者陈浩然展示了可靠性曲线 [视频: video.mp4]。\nOK 行\n"


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def test_view_maps_each_repaired_column_to_the_raw_one() -> None:
    raw = _mojibake("ab陈浩然cd")
    view = repaired_view(raw + "\n" + _mojibake("讲者讲者讲者"))
    assert view is not None and view.text.startswith("ab陈浩然cd")
    assert [view.raw_column(1, c) for c in range(1, 8)] == [1, 2, 3, 6, 9, 12, 13]


def test_clean_text_has_no_repaired_view() -> None:
    assert repaired_view(CLEAN) is None


def test_damaged_report_claims_are_repaired_and_point_into_the_raw_file(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(_mojibake(CLEAN), encoding="utf-8")
    report = parse_report(path, load_pack("default"))
    assert report.damaged_encoding
    [claim] = [c for c in report.claims if "陈浩然" in c.text]
    raw_line = path.read_text(encoding="utf-8").split("\n")[claim.span.line - 1]
    assert claim.span.line == 5 and claim.span.column == 1
    assert claim.span.end_column == len(raw_line) + 1
    [citation] = claim.citations
    start = citation.span.column - 1
    assert raw_line[start:].startswith("[")
    assert report.citations[0].span == citation.span


@pytest.mark.parametrize(
    ("text", "about_itself"),
    [
        ("（全文约5000字，结构完整，引用规范）", True),
        ("Word count: approximately 3,200 words", True),
        ("(about 350 words)", True),
        ("（本报告约800字）", True),
        ("模型在 5000 字的长文档上准确率下降了 3 个点", False),
        ("The model reads 512 words at a time", False),
    ],
)
def test_statements_about_the_report_itself(text: str, about_itself: bool) -> None:
    assert is_about_the_report(text) is about_itself
