"""CC101-CC121: each resolution defect is reported on its line, correct citations on none."""

from __future__ import annotations

import pytest

from citecheck.checks.base import LintContext, rule_by_name
from citecheck.models import Severity
from citecheck.resolve.resolver import resolve_citations
from tests.fakes import FakeTrace

TRANSFORMER = "Transformer模型PyTorch实现：从原理到代码完全解析-CSDN博客"
TYPO = TRANSFORMER.replace("解析", "解折")  # matches only by fuzzy similarity
RESOLUTION_CODES = ["CC101", "CC102", "CC103", "CC104", "CC111", "CC121"]

REPORT = "\n".join(
    [
        "# 阅读报告",  # 1
        "论文给出了分解公式[Doc: pdf.pdf, page 2–3]。",  # 2 correct
        "附录见表 7[Doc: pdf.pdf, page 18]。",  # 3 CC111
        "配置记录了用户[Doc: ../../etc/passwd]。",  # 4 CC102
        "KV 缓存降低延迟[Long Context Document Collection]。",  # 5 CC103
        '编码器由六层组成[long_context: "Transformer 架构百科全书", chunk 1]。',  # 6 CC101
        f'模型用 PyTorch 实现[long_context: "{TYPO}", chunk 1]。',  # 7 CC104
        '第七块讲了量化[long_context: "Exact Title", chunk 7]。',  # 8 CC111
        '第三块讲了剪枝[long_context: "Exact Title", chunk 3]。',  # 9 CC121
        '第零块讲了蒸馏[long_context: "Exact Title", chunk 0, chunk 2]。',  # 10 correct
        "全文概述[Doc: pdf.pdf]。",  # 11 correct
        '代码见此[long_context: "Transformer模型PyTorch实现", chunk 1]。',  # 12 correct: shortened
    ]
)


@pytest.fixture
def findings(report_of, corpus, trace_of, pack):
    report = report_of(REPORT)
    trace = trace_of([("Exact Title", 0), ("Exact Title", 2), (TRANSFORMER, 1)])
    ctx = LintContext(
        report=report,
        pack=pack,
        corpus=corpus,
        trace=trace,
        resolutions=resolve_citations(report, corpus, trace, pack),
    )
    return [f for code in RESOLUTION_CODES for f in rule_by_name(code)().check(ctx)]


def by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_each_defect_is_reported_once_on_its_line(findings):
    got = sorted((f.code, f.line) for f in findings)
    expected = [
        ("CC101", 6),
        ("CC102", 4),
        ("CC103", 5),
        ("CC104", 7),
        ("CC111", 3),
        ("CC111", 8),
        ("CC121", 9),
    ]
    assert got == expected


def test_findings_name_claim_and_citation(findings):
    (outside,) = by_code(findings, "CC102")
    assert outside.citation == "[Doc: ../../etc/passwd]"
    assert outside.claim.startswith("配置记录了用户")
    assert "not read" in outside.message
    assert outside.severity == Severity.ERROR


def test_unresolvable_title_suggests_scored_candidates(findings):
    (unresolvable,) = by_code(findings, "CC101")
    assert "Transformer 架构百科全书" in unresolvable.message
    assert "did you mean" in unresolvable.message
    assert unresolvable.evidence[0].locator.startswith("nearest candidate 1 (score ")
    assert unresolvable.fix.startswith(f'cite "{unresolvable.evidence[0].text}"')


def test_out_of_range_says_which_unit_of_how_many(findings):
    messages = [f.message for f in by_code(findings, "CC111")]
    assert messages[0].startswith("page 18 of a 3-page PDF")
    assert messages[1].startswith("chunk 7 of a 5-chunk document")
    assert by_code(findings, "CC111")[1].fix == "cite a chunk from 0 to 4 that holds the statement"


def test_fuzzy_match_is_info_and_names_the_matched_title(findings):
    (fuzzy,) = by_code(findings, "CC104")
    assert fuzzy.severity == Severity.INFO
    assert TRANSFORMER in fuzzy.message
    assert "fuzzy" in fuzzy.message


def test_ungrounded_citation_names_missing_chunk_and_the_complete_retrievals(findings):
    (ungrounded,) = by_code(findings, "CC121")
    assert ungrounded.message.startswith(
        'chunk 3 of long_context "Exact Title" was never retrieved'
    )
    assert "the agent saw chunk 0, 2 of this document" in ungrounded.message
    assert ungrounded.evidence[0].locator == "line 10: rag_search"
    assert '"Exact Title", chunk 2' in ungrounded.evidence[0].text


def test_truncated_trace_gives_no_ungrounded_citation(report_of, corpus, trace_of, pack):
    report = report_of('第三块讲了剪枝[long_context: "Exact Title", chunk 3]。')
    trace = trace_of([("Exact Title", 0)], complete=False)
    ctx = LintContext(
        report=report,
        pack=pack,
        trace=trace,
        resolutions=resolve_citations(report, corpus, trace, pack),
    )
    assert list(rule_by_name("CC121")().check(ctx)) == []


def test_without_corpus_one_finding_says_so_for_the_whole_report(report_of, pack):
    report = report_of("全文概述[Doc: pdf.pdf]。\n见第三页[Doc: pdf.pdf, page 3]。")
    ctx = LintContext(
        report=report, pack=pack, resolutions=resolve_citations(report, None, None, pack)
    )
    (finding,) = rule_by_name("CC101")().check(ctx)
    assert "no corpus given or found" in finding.message
    assert "2 citation targets" in finding.message and finding.line == 1
    assert "--corpus" in finding.fix


@pytest.mark.parametrize(
    "code",
    [*RESOLUTION_CODES, "CC501", "CC502", "CC503", "CC901"],
)
def test_rule_documents_an_anti_pattern_and_a_best_practice(code):
    rule = rule_by_name(code)
    doc = rule.doc()
    assert "Anti-pattern" in doc
    assert "Best practice" in doc
    assert rule_by_name(rule.slug) is rule


def test_far_titles_are_not_suggested(report_of, corpus, pack):
    report = report_of('量化降低了显存[long_context: "完全无关的一个标题ZQX", chunk 0]。')
    ctx = LintContext(
        report=report,
        pack=pack,
        corpus=corpus,
        resolutions=resolve_citations(report, corpus, None, pack),
    )
    (finding,) = rule_by_name("CC101")().check(ctx)
    assert "did you mean" not in finding.message
    assert finding.evidence == []


def test_a_pdf_page_the_trace_never_read_is_ungrounded(report_of, corpus, pack):
    report = report_of(
        "附录给出了细节[Doc: pdf.pdf, page 3]。\n正文给出了定义[Doc: pdf.pdf, page 2]。"
    )
    trace = FakeTrace(pages={"pdf.pdf": {1, 2}})
    ctx = LintContext(
        report=report,
        pack=pack,
        trace=trace,
        resolutions=resolve_citations(report, corpus, trace, pack),
    )
    (ungrounded,) = rule_by_name("CC121")().check(ctx)
    assert ungrounded.line == 1
    assert ungrounded.message.endswith("was never read: the trace reads pages 1–2 of pdf.pdf")
    assert ungrounded.evidence[0].text == "the trace reads pages 1–2 of pdf.pdf"
