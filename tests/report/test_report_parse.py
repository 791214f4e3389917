"""Whole reports: sections, claims, inherited citations, real seeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from citecheck.models import Report
from citecheck.report.parse import parse_report, parse_text
from citecheck.rulepack import RulePack

REPORT = """## Query

写一份报告，字数在2000至3000字。

## Final Report

《报告》

（2）核心内容摘要

第一句没有引用。第二句也没有。第三句有引用。[文档: pdf.pdf, page 9]
- 条目一，说明。条目二。[Doc: pdf.pdf]
- [视频: video.mp4]
末句没有引用。

【主要权威引用】
- [Doc: pdf.pdf]

## Summary
"""


def claims_by_text(report: Report) -> dict[str, object]:
    return {c.text: c for c in report.claims}


def test_sections_and_reference_list(pack: RulePack) -> None:
    report = parse_text(REPORT, "r.md", pack)
    sections = [(s.title, s.level, s.line, s.is_reference_list) for s in report.sections]
    assert sections == [
        ("《报告》", 1, 7, False),
        ("（2）核心内容摘要", 2, 9, False),
        ("主要权威引用", 3, 16, True),
    ]
    assert report.query == "写一份报告，字数在2000至3000字。"
    assert (report.region_start_line, report.region_end_line) == (7, 18)


def test_claims_have_ids_spans_and_inherited_citations(pack: RulePack) -> None:
    report = parse_text(REPORT, "r.md", pack)
    claims = {c.text: c for c in report.claims}
    first = claims["第一句没有引用。"]
    third = claims["第三句有引用。"]
    assert first.id == "L11.1" and third.id == "L11.3"
    assert REPORT[first.span.start : first.span.end] == first.raw == "第一句没有引用。"
    assert third.raw == "第三句有引用。[文档: pdf.pdf, page 9]" and not third.inherited
    assert first.inherited and first.citations == third.citations
    assert claims["第二句也没有。"].inherited
    bullet = claims["条目一，说明。"]
    assert (bullet.block, bullet.inherited, bullet.section) == ("bullet", True, "（2）核心内容摘要")
    assert bullet.citations[0].text == "[Doc: pdf.pdf]"
    last = claims["末句没有引用。"]
    assert last.citations == [] and not last.inherited


def test_citation_only_lines_make_no_claim_but_are_listed(pack: RulePack) -> None:
    report = parse_text(REPORT, "r.md", pack)
    assert not any(c.text == "" or "video.mp4" in c.text for c in report.claims)
    assert [c.text for c in report.citations] == [
        "[文档: pdf.pdf, page 9]",
        "[Doc: pdf.pdf]",
        "[视频: video.mp4]",
        "[Doc: pdf.pdf]",
    ]
    assert all(REPORT[c.span.start : c.span.end] == c.text for c in report.citations)
    headings = [c for c in report.claims if c.block == "heading"]
    assert [c.text for c in headings] == ["《报告》", "（2）核心内容摘要", "主要权威引用"]


def test_seed_004_table_cells_carry_citations(seed: Callable[..., Path], pack: RulePack) -> None:
    report = parse_report(seed("004"), pack)
    cells = [c for c in report.claims if c.block == "table_row" and c.citations]
    pages = [t.pages for c in cells for cit in c.citations for t in cit.targets]
    assert [2, 6, 13] in pages and [3, 14, 15] in pages and list(range(1, 11)) in pages
    mixed = next(c for c in report.citations if c.attributions)
    assert mixed.attributions[0].names == ["Holtzman"]
    text = seed("004").read_text(encoding="utf-8")
    assert all(text[c.span.start : c.span.end] == c.text for c in report.citations)


def test_a_citation_cell_cites_its_row_and_decimals_keep_their_integer_part(
    pack: RulePack,
) -> None:
    text = (
        "| 设置 | LanternSpec | 出处 |\n|---|---|---|\n"
        "| 8B，温度 0 | 2.87× / τ 3.94 | [文档: pdf.pdf, page 5] |\n"
        "| 70B，温度 0 | 3.18× | |\n"
        "| DPO 原论文 | 用偏好对直接拟合奖励目标[文档: pdf.pdf, page 3] | |\n"
    )
    report = parse_text(text, "r.md", pack)
    cells = [(c.span.line, c.text, len(c.citations)) for c in report.claims]
    assert cells == [
        (3, "8B，温度 0", 1),
        (3, "2.87× / τ 3.94", 1),
        (4, "70B，温度 0", 0),
        (4, "3.18×", 0),
        (5, "DPO 原论文", 0),  # a cell's own citation cites that cell only
        (5, "用偏好对直接拟合奖励目标", 1),
    ]


def test_a_citation_closing_a_cell_covers_the_cells_earlier_sentences(pack: RulePack) -> None:
    text = (
        "| 项目 | 内容 |\n|---|---|\n"
        "| 发表信息 | TGRS 第 63 卷，2025 年；8 月 12 日在线发表 [文档: pdf.pdf, page 1] |\n"
    )
    report = parse_text(text, "r.md", pack)
    cells = [(c.text, len(c.citations)) for c in report.claims]
    assert cells == [
        ("发表信息", 0),
        ("TGRS 第 63 卷，2025 年；", 1),
        ("8 月 12 日在线发表", 1),
    ]


def test_seeds_parse_with_reference_sections(seed: Callable[..., Path], pack: RulePack) -> None:
    report = parse_report(seed("000"), pack)
    assert any(s.is_reference_list and s.title == "主要权威引用" for s in report.sections)
    assert all(
        c.in_reference_list is False for c in report.claims if c.section == "（2）核心内容摘要"
    )
    assert len(report.citations) >= 15 and not report.damaged_encoding
    damaged = parse_report(seed("002"), pack)
    assert damaged.damaged_encoding and damaged.region_start_line > 900
    assert any(t.chunks == [2] for c in damaged.citations for t in c.targets)
