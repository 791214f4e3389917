"""Report requirements: derivation from the request, the length count, CC501-CC503, CC901."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.checks.base import LintContext, rule_by_name
from citecheck.models import Report, Severity
from citecheck.report.citations import find_citations
from citecheck.report.extract import locate_report
from citecheck.report.parse import parse_text
from citecheck.requirements.derive import derive_requirements, requirements_for
from citecheck.requirements.measure import count_report_length, self_reported_lengths
from citecheck.rulepack import LengthRequirement, Requirements, load_pack

READING_SECTIONS = ["论文基本信息", "核心内容摘要", "关键技术解析", "视频补充要点"]
READING_QUERY = (
    "报告需使用正式书面语，包含以下部分：（1）论文基本信息；（2）核心内容摘要；"
    "（3）关键技术解析；（4）视频补充要点。字数在2000至3000字。"
)


@pytest.fixture
def parsed_report(pack):
    """``parsed_report(text, query=None, **fields)``: the real parser's report of ``text``."""

    def parse(text: str, query: str | None = None, **fields: object) -> Report:
        report = parse_text(text, "report.md", pack)
        return report.model_copy(update={"query": query, **fields})

    return parse


def run(code, report, pack):
    return list(rule_by_name(code)().check(LintContext(report=report, pack=pack)))


def bounds(query):
    length = derive_requirements(query).length
    return (length.min, length.max) if length else None


# ------------------------------------------------------------------ derivation


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("字数在2000至3000字。", (2000, 3000)),
        ("输出1000字左右的文献综述分析。", (800, 1200)),
        ("Write a review between 2000 and 3000 words.", (2000, 3000)),
        ("Write about 1000 words.", (800, 1200)),
        ("Use at least 1,500 words.", (1500, None)),
        ("不少于800字，不超过1200字。", (800, 1200)),
        ("请整理文献。", None),
    ],
)
def test_length_bounds_are_read_from_the_request(query, expected):
    assert bounds(query) == expected


def test_sections_are_read_from_a_numbered_list():
    derived = derive_requirements(READING_QUERY)
    assert [s.name for s in derived.sections] == READING_SECTIONS


def test_english_section_list_is_read():
    query = "The report must include the following sections: Background, Method and Results."
    assert [s.name for s in derive_requirements(query).sections] == [
        "Background",
        "Method",
        "Results",
    ]


def seed_query(seeds: Path, name: str):
    (path,) = seeds.glob(f"{name}_*[0-9a-f].txt")
    text = path.read_text(encoding="utf-8")
    return text, locate_report(text, load_pack().layout)


@pytest.mark.parametrize("name", ["000", "001", "003"])
def test_reading_report_seeds_ask_for_four_sections_and_2000_to_3000(name, seeds):
    _, region = seed_query(seeds, name)
    derived = derive_requirements(region.query)
    assert [s.name for s in derived.sections] == READING_SECTIONS
    assert (derived.length.min, derived.length.max) == (2000, 3000)


def test_literature_review_seed_asks_for_about_1000(seeds):
    _, region = seed_query(seeds, "004")
    assert bounds(region.query) == (800, 1200)


def test_pack_length_wins_and_derived_sections_are_added(pack):
    own = Requirements(length=LengthRequirement(min=100, max=200))
    custom = pack.model_copy(update={"requirements": own})
    effective = requirements_for(Report(path="r.md", text="x", query=READING_QUERY), custom)
    assert (effective.length.min, effective.length.max) == (100, 200)
    assert [s.name for s in effective.sections] == READING_SECTIONS


def test_no_derivation_when_the_pack_turns_it_off(pack):
    custom = pack.model_copy(update={"requirements": Requirements(derive_from_query=False)})
    effective = requirements_for(Report(path="r.md", text="x", query=READING_QUERY), custom)
    assert effective.sections == [] and effective.length is None


# ------------------------------------------------------------------ counting


def test_length_counts_as_a_word_processor_without_citations(parsed_report):
    report = parsed_report("模型 uses Transformer-XL and GPT-4 代码[Doc: pdf.pdf, page 2]。")
    assert count_report_length(report) == 4 + 1 + 4  # Han, 。, Latin words
    assert count_report_length(report, exclude_citations=False) == 4 + 1 + 4 + 4


def test_length_counts_only_the_report_region(parsed_report):
    text = "## Query\n写两千字\n## Final Report\n正文四字\n## Summary\n总结很长很长"
    report = parsed_report(text, region_start_line=4, region_end_line=4)
    assert count_report_length(report) == 4


# ------------------------------------------------------------------ CC502 / CC503


def report_counting(parsed_report, total, statement, query=None):
    """A report whose region counts exactly ``total``, closing with ``statement``."""
    tail = f"\n{statement}"
    filler = total - count_report_length(parsed_report("# 报告\n" + tail))
    report = parsed_report("# 报告\n" + "研" * filler + tail, query=query)
    assert count_report_length(report) == total
    return report


def test_self_reported_length_far_from_the_count_is_flagged(parsed_report, pack):
    report = report_counting(parsed_report, 2000, "（共约2250字，结构清晰，完全覆盖任务需求。）")
    (finding,) = run("CC503", report, pack)
    assert finding.severity == Severity.WARNING
    assert finding.line == 3
    assert "says 2250" in finding.message and "counts 2000" in finding.message
    assert "tolerance 10%" in finding.message


def test_self_reported_length_within_tolerance_is_not_flagged(parsed_report, pack):
    report = report_counting(parsed_report, 2000, "（全文合计约2050字。）")
    assert [s.value for s in self_reported_lengths(report, pack)] == [2050]
    assert run("CC503", report, pack) == []


def test_numbers_that_are_not_the_report_length_are_not_self_reports(parsed_report, pack):
    report = parsed_report("模型支持32000字的上下文，字数在2000至3000字之间。")
    assert self_reported_lengths(report, pack) == []


def test_length_below_the_requested_bounds_is_flagged(parsed_report, pack):
    report = report_counting(parsed_report, 1500, "结束。", query="字数在2000至3000字。")
    (finding,) = run("CC502", report, pack)
    assert finding.line == 1
    assert "counts 1500" in finding.message
    assert "2000–3000" in finding.message
    assert "word-processor 字数" in finding.message and "citations excluded" in finding.message
    assert finding.severity == Severity.ERROR
    assert finding.fix == "extend the report by at least 500"


def test_length_inside_the_bounds_is_not_flagged(parsed_report, pack):
    report = report_counting(parsed_report, 2400, "结束。", query="字数在2000至3000字。")
    assert run("CC502", report, pack) == []


# ------------------------------------------------------------------ CC501


def test_missing_requested_section_is_flagged(parsed_report, pack):
    text = "\n".join(
        [
            "《阅读报告》",
            "（一）论文基本信息",
            "正文。",
            "（二）核心内容摘要",
            "正文。",
            "（三）关键技术深度解析",
            "正文。",
        ]
    )
    (finding,) = run("CC501", parsed_report(text, query=READING_QUERY), pack)
    assert '"视频补充要点"' in finding.message
    assert finding.line == 1


def test_reworded_but_recognisable_sections_are_accepted(parsed_report, pack):
    text = (
        "（1）论文基本信息\n（2）核心内容摘要\n（3）关键技术深度解析\n**（4）视频讲解与分析补充**"
    )
    assert run("CC501", parsed_report(text, query=READING_QUERY), pack) == []


@pytest.mark.parametrize(
    "numbers", [["【一】", "【二】", "【三】", "【四】"], [f"第{n}部分 " for n in "一二三四"]]
)
def test_sections_numbered_in_brackets_or_parts_are_headings(parsed_report, pack, numbers):
    text = "\n\n".join(
        f"{n}{name}\n正文。" for n, name in zip(numbers, READING_SECTIONS, strict=True)
    )
    assert run("CC501", parsed_report(text, query=READING_QUERY), pack) == []


def test_a_long_sentence_mentioning_a_section_name_is_not_a_heading(parsed_report, pack):
    text = "（1）论文基本信息\n（2）核心内容摘要\n（3）关键技术解析\n" + (
        "正文里顺带提到视频补充要点这几个字，但这是一句很长的正文而不是标题，所以不能算作该部分已经写出来了。"
    )
    (finding,) = run("CC501", parsed_report(text, query=READING_QUERY), pack)
    assert "视频补充要点" in finding.message


# ------------------------------------------------------------------ CC901


def test_damaged_encoding_points_at_the_first_lost_character(parsed_report, pack):
    report = parsed_report(
        "第一行\nTransformer模\ufffd由Google团队\ufffd出。", damaged_encoding=True
    )
    (finding,) = run("CC901", report, pack)
    assert (finding.line, finding.column) == (2, 13)
    assert "2 characters were lost" in finding.message
    assert "wrong code page" in finding.message


def test_clean_report_has_no_encoding_finding(parsed_report, pack):
    assert run("CC901", parsed_report("干净的文本。"), pack) == []


def test_seed_000_states_its_word_processor_length(pack, seeds):
    """Seed 000 closes with 共约2250字: short of that in Han characters plus Latin words,
    but right as a word processor counts 字数, so it is not a false statement."""
    text, region = seed_query(seeds, "000")
    report = Report(
        path="000.txt",
        text=text,
        region_start_line=text.count("\n", 0, region.start) + 1,
        region_end_line=text.count("\n", 0, region.end),
        citations=[
            c for c in find_citations(text, pack) if region.start <= c.span.start < region.end
        ],
        query=region.query,
    )
    tolerance = pack.thresholds.length_tolerance
    assert abs(count_report_length(report) - 2250) <= tolerance * 2250
    assert run("CC503", report, pack) == []
