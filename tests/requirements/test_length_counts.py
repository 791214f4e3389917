"""The length of a report by every reasonable count, and rules that speak only when
all the counts agree (CC502, CC503)."""

from __future__ import annotations

import pytest

from citecheck.checks.base import LintContext, rule_by_name
from citecheck.models import Severity
from citecheck.report.parse import parse_text
from citecheck.requirements.measure import measure_report_length
from citecheck.rulepack import LengthRequirement
from citecheck.textutil import count_length, count_word_processor

ZI = LengthRequirement(min=100, max=200)


def run(code, report, pack):
    return list(rule_by_name(code)().check(LintContext(report=report, pack=pack)))


def with_length(pack, length: LengthRequirement):
    own = pack.requirements.model_copy(update={"length": length, "derive_from_query": False})
    return pack.model_copy(update={"requirements": own})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("模型很好。", 5),  # four Han characters and the full stop
        ("“注意力”——即权重，（见上）；", 16),  # quotes, dashes, comma, brackets, semicolon
        ("使用 GPT-4 与 Llama-3.1-8B 模型", 7),  # each Latin word or number counts one
        ("提升 96.4% 与 2.7× 速度", 7),
        ("**加粗** 与 - 列表 # 标题", 7),  # markdown markup counts nothing
        ("The quick brown fox.", 4),
    ],
)
def test_word_processor_count(text, expected):
    assert count_word_processor(text) == expected


def test_word_processor_count_holds_punctuation_the_han_count_leaves_out():
    text = "研究问题：如何压缩缓存？方法：按熵分配。"
    assert count_word_processor(text) == count_length(text) + 4


def test_citations_are_left_out_of_every_count(pack):
    cited = parse_text("模型很好[文档: pdf.pdf, page 3]。\n", "r.md", pack)
    plain = parse_text("模型很好。\n", "r.md", pack)
    with_cites = measure_report_length(cited, ZI)
    assert [c.value for c in with_cites.counts] == [
        c.value for c in measure_report_length(plain, ZI).counts
    ]
    kept = measure_report_length(cited, ZI.model_copy(update={"exclude_citations": False}))
    assert all(k.value > c.value for k, c in zip(kept.counts, with_cites.counts, strict=True))


def test_an_english_report_in_words_is_counted_in_words(pack):
    report = parse_text("The method keeps [Doc: a.pdf, page 2] four anchor tokens.\n", "r.md", pack)
    measure = measure_report_length(report, LengthRequirement(counting="words"))
    assert [c.value for c in measure.counts] == [6, 6]


# -------------------------------------------------------------- CC502


def report_of(pack, body: str):
    return parse_text("# 报告\n" + body + "\n", "r.md", pack)


def test_inside_by_the_word_processor_but_short_in_han_characters_says_nothing(pack):
    """105 by the word processor's 字数 (inside 100-200), 90 in Han characters."""
    report = report_of(pack, "研究方法很好，" * 15)  # 6 Han characters and a comma each
    measure = measure_report_length(report, ZI)
    assert measure.primary.value >= 100
    assert any(c.value < 100 for c in measure.counts)
    assert run("CC502", report, with_length(pack, ZI)) == []


def test_short_by_the_word_processor_but_not_by_every_count_is_info(pack):
    """90 by the word processor, 165 non-whitespace characters (Latin letters count)."""
    report = report_of(pack, "研究 method 很好，" * 15)
    measure = measure_report_length(report, ZI)
    assert measure.primary.value < 100 and not measure.all_outside(ZI)
    (finding,) = run("CC502", report, with_length(pack, ZI))
    assert finding.severity == Severity.INFO
    assert "not under every count" in finding.message


def test_short_under_every_count_is_an_error(pack):
    report = report_of(pack, "研究方法很好。" * 8)
    (finding,) = run("CC502", report, with_length(pack, ZI))
    assert finding.severity == Severity.ERROR
    assert "other counts:" in finding.message and "non-whitespace characters" in finding.message
    assert finding.fix is not None and finding.fix.startswith("extend")


def test_long_under_every_count_is_an_error(pack):
    report = report_of(pack, "研究方法很好" * 40)
    (finding,) = run("CC502", report, with_length(pack, ZI))
    assert finding.severity == Severity.ERROR
    assert finding.fix is not None and finding.fix.startswith("shorten")


def test_inside_under_every_count_says_nothing(pack):
    report = report_of(pack, "研究方法很好。" * 20)
    assert run("CC502", report, with_length(pack, ZI)) == []


# -------------------------------------------------------------- CC503


def test_a_stated_length_right_under_one_count_is_not_flagged(pack):
    """The body is 140 by the word processor and 120 in Han characters: 约120字 is
    right by one reasonable count, so it is no false statement."""
    report = report_of(pack, "研究方法很好，" * 20 + "\n（全文约120字）")
    measure = measure_report_length(report, LengthRequirement())
    assert abs(measure.primary.value - 120) / measure.primary.value > 0.1
    assert run("CC503", report, pack) == []


def test_a_stated_length_off_every_count_is_flagged_with_the_word_processor_count(pack):
    report = report_of(pack, "研究方法很好，" * 20 + "\n（全文约500字）")
    primary = measure_report_length(report, LengthRequirement()).primary.value
    (finding,) = run("CC503", report, pack)
    assert f"counts {primary} (word-processor 字数" in finding.message
    assert finding.line == 3 and "约500字" in finding.message
