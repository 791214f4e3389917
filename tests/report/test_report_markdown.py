"""Markdown blocks: headings, pseudo-headings, bullets, table cells, code."""

from __future__ import annotations

import pytest

from citecheck.report.markdown import heading_title, parse_blocks, plain_text


def kinds(text: str) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, text[b.start : b.end]) for b in parse_blocks(text)]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("《大模型技术论文阅读报告》", 1),
        ("（1）论文基本信息", 2),
        ("（四）视频讲解与分析补充", 2),
        ("一、表格结构与主要文献梳理", 2),
        ("【三】实验结果", 2),
        ("〔2〕方法要点", 2),
        ("第四部分 圆桌讨论纪要", 2),
        ("**a) Transformer结构与原理**", 3),
        ("【主要权威引用】", 3),
        ("## 参考文献", 2),
    ],
)
def test_pseudo_headings(line: str, level: int) -> None:
    text = f"{line}  \n正文在这里。\n"
    blocks = parse_blocks(text)
    assert (blocks[0].kind, blocks[0].level) == ("heading", level)
    assert blocks[1].kind == "paragraph"


@pytest.mark.parametrize(
    "line",
    ["论文题目：Learning Dynamics of LLM Finetuning", "模型很好。", "关键公式如下：", "- 短条目"],
)
def test_ordinary_short_lines_are_not_headings(line: str) -> None:
    assert parse_blocks(f"{line}\n")[0].kind != "heading"


def test_numbered_item_with_body_below_is_a_heading_but_list_items_are_bullets() -> None:
    assert kinds("1. 研究目标与背景  \n本论文研究微调。\n")[0][:2] == ("heading", 3)
    listed = kinds("1. 第一项\n2. 第二项\n- 第三项。\n① 第四项。\n")
    assert [k for k, _, _ in listed] == ["bullet"] * 4
    assert [t for _, _, t in listed] == ["第一项", "第二项", "第三项。", "第四项。"]


def test_a_table_row_is_a_block_of_cells_and_separator_and_header_are_skipped() -> None:
    text = "| 名称 | 结论 |\n|---|---|\n| DPO | 挤压效应[文档: pdf.pdf, page 2] |\n"
    (row,) = parse_blocks(text)
    assert row.kind == "table_row"
    cells = [text[s.start : s.end] for s in row.segments]
    assert cells == ["DPO", "挤压效应[文档: pdf.pdf, page 2]"]


def test_setext_headings_but_a_rule_under_a_sentence_stays_a_rule() -> None:
    text = "阅读报告 · TideKV\n======\n\nMethods\n---\n\nThe method works.\n---\n"
    assert [(k, level, t) for k, level, t in kinds(text)] == [
        ("heading", 1, "阅读报告 · TideKV"),
        ("heading", 2, "Methods"),
        ("paragraph", 0, "The method works."),
    ]


def test_paragraph_lines_are_segments_but_wrapped_english_joins() -> None:
    text = "第一行。  \n第二行\nThis sentence is\nwrapped here.\n"
    (block,) = parse_blocks(text)
    assert [text[s.start : s.end] for s in block.segments] == [
        "第一行。",
        "第二行",
        "This sentence is\nwrapped here.",
    ]


def test_code_quote_rule_and_comment() -> None:
    text = "```\n代码。\n```\n> 引用。\n---\n<!-- citecheck: disable-file -->\n正文。\n"
    assert [(k, t) for k, _, t in kinds(text)] == [
        ("code", "```\n代码。\n```"),
        ("quote", "引用。"),
        ("paragraph", "正文。"),
    ]


def test_region_limits_and_plain_text() -> None:
    text = "前言。\n正文。\n后记。\n"
    start = text.index("正文")
    assert [t for _, _, t in kinds_in(text, start, text.index("后记"))] == ["正文。"]
    assert plain_text("**粗体** 与 `code` 和 [链接](http://x)") == "粗体 与 code 和 链接"
    assert heading_title("## **【参考文献】**") == "参考文献"


def kinds_in(text: str, start: int, end: int) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, text[b.start : b.end]) for b in parse_blocks(text, start, end)]
