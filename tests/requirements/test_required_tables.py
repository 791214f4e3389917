"""Tables a request asks for: derived from the request, found in the report, CC504."""

from __future__ import annotations

import pytest

from citecheck.checks.base import LintContext, rule_by_name
from citecheck.models import Severity
from citecheck.report.parse import parse_text
from citecheck.requirements.derive import derive_requirements
from citecheck.rulepack import TableRequirement

QUERY_ZH = (
    "报告须包含以下部分：\n一、论文概况：题目与作者\n二、实验结果：必须包含一张表格，比较至少两个基线\n"
    "三、总结\n字数在1600至3600字。"
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (QUERY_ZH, [TableRequirement(section="实验结果", number=2, min_rows=2)]),
        (
            "报告分为三个部分：\n1. 概况\n2. 实验结果：必须包含一张对比表\n3. 总结",
            [TableRequirement(section="实验结果", number=2)],
        ),
        (
            'Write the parts "Background", "Results" (with at least one CER table) and '
            '"Assessment", each under its own heading.',
            [TableRequirement(section="Results")],
        ),
        (
            "| 三 | 实验与结果 | **至少一张表格**，对比两个基线 |",
            [TableRequirement(section="实验与结果")],
        ),
        (
            "3. Results, with a comparison table of at least three systems",
            [TableRequirement(section=None, min_rows=3)],
        ),
        ("（三）“方法与实验”须用一张表格或逐项列举的方式概括主要实验数字。", []),
        ("请不要使用表格，用段落写作。", []),
        ("Summarise the results; do not use tables.", []),
        ("The table below lists the materials.", []),
    ],
)
def test_tables_asked_for_by_the_request(query: str, expected: list[TableRequirement]) -> None:
    assert derive_requirements(query).tables == expected


def _findings(pack, body: str):
    report = parse_text(body, "report.md", pack).model_copy(update={"query": QUERY_ZH})
    return list(rule_by_name("CC504")().check(LintContext(report=report, pack=pack)))


TABLE = "| 模型 | MSE |\n|---|---|\n| PRISM | 0.187 |\n| PatchTST | 0.214 |\n| DLinear | 0.233 |\n"


def test_a_report_without_any_table_gets_an_error_on_the_section(pack) -> None:
    body = "一、论文概况\n正文。\n\n二、实验结果\n- PRISM 的 MSE 为 0.187。\n\n三、总结\n正文。\n"
    (finding,) = _findings(pack, body)
    assert finding.severity == Severity.ERROR
    assert finding.line == 4 and "实验结果" in finding.message


def test_a_table_in_another_section_is_a_warning(pack) -> None:
    body = f"一、论文概况\n{TABLE}\n二、实验结果\n正文。\n\n三、总结\n正文。\n"
    (finding,) = _findings(pack, body)
    assert finding.severity == Severity.WARNING


def test_a_table_in_the_section_satisfies_the_request(pack) -> None:
    body = f"一、论文概况\n正文。\n\n二、实验结果\n{TABLE}\n三、总结\n正文。\n"
    assert _findings(pack, body) == []


def test_a_part_named_in_the_other_language_is_the_heading_of_its_number(pack) -> None:
    text = "# Report\n\n## 1 Overview\n\nText.\n\n## 2 Results\n\nProse only.\n"
    report = parse_text(text, "r.md", pack).model_copy(update={"query": QUERY_ZH})
    ctx = LintContext(report=report, pack=pack)
    [finding] = rule_by_name("CC504")().check(ctx)
    assert finding.line == 7  # "## 2 Results" answers part 二、实验结果


def test_a_table_of_fewer_systems_than_asked_is_an_error_however_it_lists_them(pack) -> None:
    head = "# 报告\n## 一、论文概况\n题目。\n## 二、实验结果\n"
    two_rows = "| 模型 | 准确率 |\n|---|---|\n| A | 1 |\n\n"
    [finding] = _findings(pack, head + two_rows + "## 三、总结\n好。\n")
    assert (finding.severity, finding.line) == (Severity.ERROR, 4)
    assert finding.message.endswith("of at least 2 rows; its table lists 1")
    across = "| 指标 | A | B |\n|---|---|---|\n| 准确率 | 1 | 2 |\n\n"  # systems as columns
    assert _findings(pack, head + across + "## 三、总结\n好。\n") == []
