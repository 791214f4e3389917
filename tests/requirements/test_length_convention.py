"""The query's length unit (字 or words) decides how the report is counted."""

from __future__ import annotations

import pytest

from citecheck.report.parse import parse_text
from citecheck.requirements.derive import derive_requirements
from citecheck.requirements.measure import count_report_length, count_words
from citecheck.rulepack import load_pack


@pytest.mark.parametrize(
    ("query", "counting"),
    [
        ("Write a report of at least 300 words.", "words"),
        ("请写一篇不少于300个单词的英文报告", "words"),
        ("about 800 words", "words"),
        ("不少于600字", "cjk_chars+latin_words"),
        ("字数在2000至3000字", "cjk_chars+latin_words"),
    ],
)
def test_unit_of_the_request_sets_the_counting(query: str, counting: str) -> None:
    length = derive_requirements(query).length
    assert length is not None and length.counting == counting


def test_words_count_chinese_words_not_characters() -> None:
    assert count_words("我们提出方法 and abstain") == 5  # 我们 | 提出 | 方法, and, abstain
    report = parse_text("# 报告\n\n模型选择弃答。\n", "r.md", load_pack("default"))
    by_chars = count_report_length(report)
    by_words = count_report_length(report, counting="words")
    assert by_words < by_chars
