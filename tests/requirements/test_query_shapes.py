"""Reading the request: section lists and lengths in the shapes real prompts use,
and a request that states them twice (Chinese, plus an English variant)."""

from __future__ import annotations

import pytest

from citecheck.models import Report
from citecheck.report.parse import parse_text
from citecheck.requirements.derive import (
    derive_requirements,
    language_parts,
    requirements_for,
    section_name,
)

BILINGUAL = (
    "# 任务\n\n"
    "请阅读附件中的论文和讲座视频，撰写一份学习笔记。笔记必须包含以下三个部分：（1）研究动机；"
    "（2）方法要点；（3）讲座答疑整理。所有事实都要用方括号注明出处，例如 [文档: a.pdf, page 2]。"
    "篇幅在1200至1800字之间。\n\n"
    "English version (for notes written in English): the notes need the same three parts — "
    "(1) Motivation, (2) Method highlights, (3) Lecture Q&A — and must cite every fact in "
    "brackets, e.g. [Doc: a.pdf, page 2]. Length: 800 to 1,200 words.\n"
)


def names(query: str, language: str | None = None) -> list[str]:
    return [s.name for s in derive_requirements(query, language).sections]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a numbered list with full-width brackets, items separated by ；
        (
            "写一篇调研报告，分为四个部分：（1）背景介绍；（2）相关工作；（3）实验复现；（4）个人思考。",
            ["背景介绍", "相关工作", "实验复现", "个人思考"],
        ),
        # numbered lines under an intro, items with an explanation after a colon
        (
            "请撰写综述，报告结构如下：\n1. 研究背景\n2. 方法概述：说明主要思路\n3. 实验结果\n"
            "4. 总结与展望\n字数不少于1500字。",
            ["研究背景", "方法概述", "实验结果", "总结与展望"],
        ),
        # "including: a, b and c"
        (
            "Write a survey including: motivation, related work and open problems. "
            "Use at least 800 words.",
            ["motivation", "related work", "open problems"],
        ),
        # a dash-delimited numbered list inside a sentence that goes on
        (
            "Write a report with four parts — (1) Overview, (2) Method details (cite the paper, "
            "e.g. [Doc: pdf.pdf, page 3]), (3) Experiments, (4) Takeaways — in 1,000 to 1,500 "
            "words.",
            ["Overview", "Method details", "Experiments", "Takeaways"],
        ),
        # a bullet list under "Required sections:", one with a parenthetical example
        (
            "Required sections:\n- Introduction\n- Method (e.g. model, training)\n- Results\n",
            ["Introduction", "Method", "Results"],
        ),
        # 、-separated names, 例如 inside parentheses, 和 before the last
        (
            "报告应包括以下部分：引言、方法（例如模型结构、训练细节）、实验和结论。",
            ["引言", "方法", "实验", "结论"],
        ),
        # 一、二、三、 with an example citation inside an item
        (
            "报告分为三个部分：一、研究背景；二、技术路线，例如 [文档: a.pdf, page 1]；"
            "三、应用前景。",
            ["研究背景", "技术路线", "应用前景"],
        ),
        # the intro's sentence goes on before its 一、二、 list, inside a numbered
        # requirement of its own; 与 joins the words of one name
        (
            "具体要求如下：\n\n（一）报告须包含以下三个部分，并按顺序使用这些标题：一、论文概况；"
            "二、方法与实验；三、总结与评价。\n\n（二）正文不少于1500字。",
            ["论文概况", "方法与实验", "总结与评价"],
        ),
        # circled numbers right after a bare intro
        ("报告需涵盖：①研究问题②方法③实验④结论", ["研究问题", "方法", "实验", "结论"]),
        # a Notion task list under its heading: only "- [ ]" stands before the first item
        (
            "## 必须包含的部分\n\n- [ ] 一、论文信息：题目、作者\n- [ ] 二、方法概述：组成部分\n"
            "- [ ] 三、实验结果：必须包含**一张 Markdown 表格**\n\n## 篇幅\n\n1,500–3,000 字。",
            ["论文信息", "方法概述", "实验结果"],
        ),
        # names in 「」 quotes before their count, in a bullet
        (
            "- 报告须包含「研究背景」「方法概述」「实验结果」「个人评述」四个部分，顺序可以调整。",
            ["研究背景", "方法概述", "实验结果", "个人评述"],
        ),
        # quoted names after their count, a quoted report title beside them, and
        # parenthetical requests inside the list
        (
            'Write a "Close-Reading Report" with the same three parts — "Background", '
            '"Experimental results" (with at least one table) and "Personal assessment" — '
            "each under its own heading.",
            ["Background", "Experimental results", "Personal assessment"],
        ),
    ],
)
def test_section_lists_in_real_prompt_shapes(query, expected):
    assert names(query) == expected


@pytest.mark.parametrize(
    "query",
    [
        # a numbered list of instructions, not sections
        "要求：（1）所有事实性陈述都必须标注引用来源；（2）不得编造数据；（3）语言通顺。",
        # sections mentioned, but no list of names
        "Please write the report. Cover the background in a detailed paragraph, then discuss "
        "the results with citations in brackets.",
        "请整理文献，写一份报告。",
        # quoted words that are not a list of sections
        "请写一篇题为“论文精读”的报告，引用写作“[文档: pdf.pdf]”。",
    ],
)
def test_requests_without_a_section_list_require_none(query):
    assert names(query) == []


def test_items_that_are_sentences_examples_or_dashes_are_not_section_names():
    assert section_name(" Supplementary points from the video — citing every fact") == (
        "Supplementary points from the video"
    )
    assert section_name("—") is None
    assert section_name(" e.g. [Doc: pdf.pdf, page 3]") is None
    assert section_name("所有事实性陈述都必须在句末用方括号标注来源并核对页码") is None
    assert (
        section_name("Explain in detail how the method handles long inputs and why it works")
        is None
    )


def test_a_bilingual_request_is_read_in_each_language():
    zh = derive_requirements(BILINGUAL, "zh")
    en = derive_requirements(BILINGUAL, "en")
    assert [s.name for s in zh.sections] == ["研究动机", "方法要点", "讲座答疑整理"]
    assert [s.name for s in en.sections] == ["Motivation", "Method highlights", "Lecture Q&A"]
    assert [s.number for s in en.sections] == [1, 2, 3]
    assert zh.length is not None and (zh.length.min, zh.length.max) == (1200, 1800)
    assert zh.length.counting == "cjk_chars+latin_words"
    assert en.length is not None and (en.length.min, en.length.max) == (800, 1200)
    assert en.length.counting == "words"


def test_bounds_in_both_units_in_one_sentence_go_to_the_report_of_their_language():
    query = (
        "- [ ] 篇幅：正文不少于 1500 字、不超过 3300 字（引用标记不计入字数）\n"
        "如果你用英文写，清单不变，篇幅为 1,300–1,900 words（不含引用标记）。"
    )
    zh, en = derive_requirements(query, "zh").length, derive_requirements(query, "en").length
    assert zh is not None and (zh.min, zh.max, zh.counting) == (1500, 3300, "cjk_chars+latin_words")
    assert en is not None and (en.min, en.max, en.counting) == (1300, 1900, "words")


def test_without_a_language_the_first_statement_wins():
    derived = derive_requirements(BILINGUAL)
    assert [s.name for s in derived.sections] == ["研究动机", "方法要点", "讲座答疑整理"]
    assert derived.length is not None and derived.length.max == 1800


def test_language_parts_keep_list_items_with_their_intro():
    query = "The report must have these sections:\n- 引言\n- 方法\n请用中文撰写，不少于1000字。"
    parts = language_parts(query)
    assert "- 引言" in parts["en"] and "- 方法" in parts["en"]
    assert "不少于1000字" in parts["zh"]


def test_a_one_language_request_applies_to_reports_in_the_other():
    query = "报告包含以下部分：（1）背景；（2）方法。字数在2000至3000字之间。"
    derived = derive_requirements(query, "en")
    assert [s.name for s in derived.sections] == ["背景", "方法"]
    assert derived.length is not None and derived.length.min == 2000


@pytest.mark.parametrize(
    ("text", "sections", "bounds", "counting"),
    [
        (
            "(1) Motivation\nText.\n(2) Method highlights\nText.\n(3) Lecture Q&A\nThe talk.",
            ["Motivation", "Method highlights", "Lecture Q&A"],
            (800, 1200),
            "words",
        ),
        (
            "（1）研究动机\n正文。\n（2）方法要点\n正文。\n（3）讲座答疑整理\n讲座。",
            ["研究动机", "方法要点", "讲座答疑整理"],
            (1200, 1800),
            "cjk_chars+latin_words",
        ),
    ],
)
def test_the_report_gets_the_requirements_in_its_language(pack, text, sections, bounds, counting):
    report: Report = parse_text(text, "r.md", pack).model_copy(update={"query": BILINGUAL})
    effective = requirements_for(report, pack)
    assert [s.name for s in effective.sections] == sections
    assert effective.length is not None
    assert (effective.length.min, effective.length.max) == bounds
    assert effective.length.counting == counting
