"""CC501: a numbered section replaced by another one is reported on the heading that
took its place; paraphrased headings still count, headings that only share a few
characters do not."""

from __future__ import annotations

import pytest

from citecheck.checks.base import LintContext, rule_by_name
from citecheck.report.parse import parse_text
from citecheck.requirements.derive import heading_number
from citecheck.requirements.measure import paraphrases

QUERY = (
    "撰写一份调研笔记，包含以下四个部分：（1）研究背景；（2）方法概述；（3）实验分析；"
    "（4）讲座补充要点。"
)
EN_QUERY = (
    "Write a study note with four sections — (1) Background, (2) Method overview, "
    "(3) Experiment analysis, (4) Supplementary points from the lecture — citing every fact."
)


def cc501(pack, text: str, query: str):
    report = parse_text(text, "r.md", pack).model_copy(update={"query": query})
    return list(rule_by_name("CC501")().check(LintContext(report=report, pack=pack)))


def test_a_substitute_numbered_heading_carries_the_finding(pack):
    lines = [
        "《调研笔记》",
        "（1）研究背景",
        "正文。",
        "（2）方法概述",
        "正文。",
        "（3）实验分析",
        "正文。",
        "（4）总结与思考",
        "正文。",
    ]
    (finding,) = cc501(pack, "\n".join(lines), QUERY)
    assert finding.line == 8
    assert '"讲座补充要点"' in finding.message and '"总结与思考"' in finding.message
    assert "section (4)" in finding.message


def test_an_english_substitute_heading_carries_the_finding(pack):
    text = (
        "# Note\n## (1) Background\nText.\n## (2) Method overview\nText.\n"
        "## (3) Experiment analysis\nText.\n## (4) Closing remarks\nText."
    )
    (finding,) = cc501(pack, text, EN_QUERY)
    assert finding.line == 8
    assert '"Closing remarks"' in finding.message


def test_a_numbered_sub_heading_is_not_taken_for_the_missing_section(pack):
    lines = [
        "《调研笔记》",
        "（1）研究背景",
        "正文。",
        "（2）方法概述",
        "正文。",
        "（3）实验分析",
        "**1. 数据集**",
        "正文。",
        "**4. 消融实验**",
        "正文。",
    ]
    (finding,) = cc501(pack, "\n".join(lines), QUERY)
    assert finding.line == 1
    assert "is missing" in finding.message


def test_a_missing_section_without_a_substitute_is_reported_at_the_start(pack):
    text = "《调研笔记》\n（1）研究背景\n正文。\n（2）方法概述\n正文。\n（3）实验分析\n正文。"
    (finding,) = cc501(pack, text, QUERY)
    assert finding.line == 1


def test_paraphrased_numbered_headings_are_accepted(pack):
    text = (
        "（一）研究背景与动机\n正文。\n（二）方法概述\n正文。\n（三）实验结果深度分析\n正文。\n"
        "（四）讲座内容与要点补充\n正文。"
    )
    assert cc501(pack, text, QUERY) == []


@pytest.mark.parametrize(
    ("name", "heading", "expected"),
    [
        ("关键技术解析", "关键技术深度解析", True),
        ("视频补充要点", "视频讲解与分析补充", True),
        ("视频补充要点", "总结与思考", False),
        ("视频补充要点", "视角与要点", False),  # three characters, none side by side in order
        ("实验分析", "分析", False),
        ("Key techniques", "Key Techniques Explained", True),
        ("Supplementary points from the video", "Points from the video", True),
        ("Supplementary points from the video", "Closing remarks", False),
    ],
)
def test_paraphrase(name, heading, expected):
    assert paraphrases(name, heading) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("（4）总结与思考", ("(n)", 4)),
        ("(4) Closing remarks", ("(n)", 4)),
        ("四、总结", ("一、", 4)),
        ("（四）总结", ("(n)", 4)),
        ("4. 消融实验", ("n.", 4)),
        ("第三部分 实验", ("part", 3)),
        ("总结", None),
    ],
)
def test_heading_number(title, expected):
    assert heading_number(title) == expected
