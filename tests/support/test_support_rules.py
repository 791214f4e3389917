"""CC201-CC204 on hand-built reports and judgements."""

from __future__ import annotations

from citecheck.checks.base import LintContext
from citecheck.checks.cc201_unsupported_claim import UnsupportedClaim
from citecheck.checks.cc202_contradicted_claim import ContradictedClaim
from citecheck.checks.cc203_uncited_claim import UncitedClaim
from citecheck.checks.cc204_misplaced_citation import MisplacedCitation
from citecheck.checks.cc205_unconfirmed_claim import UnconfirmedClaim
from citecheck.checks.cc206_different_value import DifferentValue
from citecheck.models import ClaimJudgement, Conflict, Evidence, Report, Severity, Verdict
from citecheck.rulepack import RulePack
from tests import fakes

SHOWN = Evidence(source="pdf.pdf", locator="page 3", text="Pythia-410M is finetuned with DPO.")


def verdict(label: str, score: float, **fields) -> Verdict:
    return Verdict(label=label, score=score, backend="fake", evidence=[SHOWN], **fields)


def context(claims, judgements: dict) -> LintContext:
    report = Report(path="report.md", text="", claims=claims)

    def judge(claim):
        return judgements.get(claim.id)

    return LintContext(report=report, pack=RulePack(name="test"), judge=judge)


def judgement(claim, label: str, score: float, elsewhere=None, **fields) -> ClaimJudgement:
    v = verdict(label, score, **fields)
    return ClaimJudgement(
        claim_id=claim.id, verdict=v, parts=[v], part_texts=[claim.text], elsewhere=elsewhere
    )


def cited(text: str, line: int):
    citation = fakes.make_citation("[文档: pdf.pdf, page 3]", line=line, column=40)
    return fakes.make_claim(text, line=line, citations=[citation])


def test_cc201_reports_the_unsupported_claim_only() -> None:
    good = cited("作者在Anthropic-HH上用DPO微调了Pythia-410M", 3)
    bad = cited("DPO相比SFT将胜率提升了40%，并且训练更稳定", 5)
    ctx = context(
        [good, bad],
        {
            good.id: judgement(good, "supported", 0.9),
            bad.id: judgement(bad, "unsupported", 0.05, reason="no passage states a 40% gain"),
        },
    )
    findings = list(UnsupportedClaim().check(ctx))
    assert [(f.code, f.line) for f in findings] == [("CC201", 5)]
    assert "40% gain" in findings[0].message
    assert findings[0].evidence == [SHOWN]
    assert findings[0].score == 0.05 and findings[0].backend == "fake"


def test_grey_zone_verdicts_are_unconfirmed_info_not_errors() -> None:
    sure = cited("DPO相比SFT将胜率提升了40%", 3)
    unsure = cited("论文认为离线数据是挤压效应的主因", 5)
    ctx = context(
        [sure, unsure],
        {
            sure.id: judgement(sure, "unsupported", 0.05),
            unsure.id: judgement(unsure, "unsupported", 0.3, confident=False),
        },
    )
    assert [f.line for f in UnsupportedClaim().check(ctx)] == [3]
    (unconfirmed,) = UnconfirmedClaim().check(ctx)
    assert (unconfirmed.code, unconfirmed.line, unconfirmed.severity) == ("CC205", 5, Severity.INFO)
    assert "check it" in unconfirmed.message


def test_cc201_leaves_headings_and_misplaced_claims_to_others() -> None:
    heading = cited("学习动态框架的实证验证与改进", 1).model_copy(update={"block": "heading"})
    moved = cited("DPO会导致概率质量向少数token集中", 2)
    elsewhere = fakes.make_unit("squeezing effect", 7)
    ctx = context(
        [heading, moved],
        {
            heading.id: judgement(heading, "unsupported", 0.1),
            moved.id: judgement(moved, "unsupported", 0.1, elsewhere=elsewhere),
        },
    )
    assert list(UnsupportedClaim().check(ctx)) == []


def test_cc202_names_both_values() -> None:
    good = cited("作者在Anthropic-HH上用DPO微调了Pythia-410M", 2)
    bad = cited("作者在Anthropic-HH上用DPO微调了Pythia-2.8B", 4)
    conflict = Conflict(kind="identifier", claim_value="Pythia-2.8B", evidence_value="Pythia-410M")
    ctx = context(
        [good, bad],
        {
            good.id: judgement(good, "supported", 0.9),
            bad.id: judgement(
                bad,
                "contradicted",
                0.05,
                conflicts=[conflict],
                evidence_span="Pythia-410M is finetuned with DPO.",
            ),
        },
    )
    findings = list(ContradictedClaim().check(ctx))
    assert [(f.code, f.line) for f in findings] == [("CC202", 4)]
    message = findings[0].message
    assert "Pythia-2.8B" in message and "Pythia-410M" in message
    assert "Pythia-410M is finetuned with DPO." in message
    assert "'Pythia-2.8B' -> 'Pythia-410M'" in findings[0].fix


def test_cc202_says_which_term_the_source_excepts() -> None:
    claim = cited("TideKV leads in every category, including code completion", 3)
    sentence = "Code completion is the only category in which TideKV does not lead."
    conflict = Conflict(kind="exception", claim_value="code completion", evidence_value=sentence)
    ctx = context(
        [claim],
        {
            claim.id: judgement(
                claim, "contradicted", 0.1, conflicts=[conflict], evidence_span=sentence
            )
        },
    )
    [finding] = ContradictedClaim().check(ctx)
    assert "includes 'code completion' in what it says of all" in finding.message
    assert sentence in finding.message
    assert finding.fix == "state the exception the source gives for 'code completion'"


def test_a_replaced_value_is_a_cc206_warning_and_not_cc202_or_cc205() -> None:
    sure = cited("DPO相比SFT将胜率提升了40%", 3)
    replaced = cited("DPO相比SFT将胜率提升了14%", 5)
    conflict = Conflict(kind="percent", claim_value="14%", evidence_value="41%")
    ctx = context(
        [sure, replaced],
        {
            sure.id: judgement(sure, "contradicted", 0.1, conflicts=[conflict]),
            replaced.id: judgement(
                replaced, "contradicted", 0.5, confident=False, replaced=True, conflicts=[conflict]
            ),
        },
    )
    assert [f.line for f in ContradictedClaim().check(ctx)] == [3]
    assert list(UnconfirmedClaim().check(ctx)) == []
    (warning,) = DifferentValue().check(ctx)
    assert (warning.code, warning.line, warning.severity) == ("CC206", 5, Severity.WARNING)
    assert "'14%'" in warning.message and "'41%'" in warning.message


def test_cc203_flags_uncited_specifics_only() -> None:
    uncited = fakes.make_claim("该方法在UltraFeedback上将胜率提高了12.5%。", line=2)
    generic = fakes.make_claim("这一视角有助于理解微调中的反直觉现象。", line=3)
    covered = cited("实验使用了Qwen1.5-0.5B模型。", 4).model_copy(update={"inherited": True})
    heading = fakes.make_claim("2025年会议报告", line=5, block="heading")
    reference = fakes.make_claim(
        "Rafailov et al. 2023. Direct Preference Optimization.",
        line=6,
        in_reference_list=True,
        lang="en",
    )
    ctx = context([uncited, generic, covered, heading, reference], {})
    findings = list(UncitedClaim().check(ctx))
    assert [(f.code, f.line, f.severity.value) for f in findings] == [("CC203", 2, "warning")]


def test_cc204_reports_at_the_citation_with_the_right_locator() -> None:
    good = cited("DPO会导致概率质量向少数token集中", 2)
    moved = cited("DPO会导致概率质量向少数token集中，即挤压效应", 6)
    elsewhere = fakes.make_unit("The squeezing effect concentrates mass.", 7)
    ctx = context(
        [good, moved],
        {
            good.id: judgement(good, "supported", 0.9),
            moved.id: judgement(moved, "unsupported", 0.05, elsewhere=elsewhere),
        },
    )
    findings = list(MisplacedCitation().check(ctx))
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.code, finding.line, finding.column) == ("CC204", 6, 40)
    assert finding.fix == "cite pdf.pdf, page 7"
    assert finding.evidence[0].locator == "page 7"
    assert finding.citation == "[文档: pdf.pdf, page 3]"


def test_rules_do_nothing_without_a_judge() -> None:
    claim = cited("DPO相比SFT将胜率提升了40%", 1)
    ctx = LintContext(report=Report(path="r.md", text="", claims=[claim]), pack=RulePack(name="t"))
    for rule in (UnsupportedClaim(), ContradictedClaim(), MisplacedCitation()):
        assert list(rule.check(ctx)) == []


def test_claims_citing_only_the_video_are_left_to_the_video_rules() -> None:
    video = fakes.make_citation("[视频: video.mp4]", source="video.mp4", pages=(), line=4)
    mixed = fakes.make_citation("[文档: pdf.pdf, page 3]", line=6)
    talk = fakes.make_claim("讲者用动画演示了概率迁移", line=4, citations=[video])
    both = fakes.make_claim("讲者和论文都指出了概率迁移", line=6, citations=[video, mixed])
    ctx = context(
        [talk, both],
        {
            talk.id: judgement(talk, "unsupported", 0.05),
            both.id: judgement(both, "unsupported", 0.05),
        },
    )
    assert [f.line for f in UnsupportedClaim().check(ctx)] == [6]


def test_grey_zone_with_a_better_location_is_unconfirmed_not_misplaced() -> None:
    unsure = cited("DPO会导致概率质量向少数token集中", 4)
    abstract = fakes.make_unit("We show that DPO squeezes probability mass.", 1)
    grey = judgement(unsure, "unsupported", 0.3, elsewhere=abstract, confident=False)
    ctx = context([unsure], {unsure.id: grey})
    assert list(MisplacedCitation().check(ctx)) == []
    (finding,) = UnconfirmedClaim().check(ctx)
    assert finding.fix.startswith("pdf.pdf, page 1 may state it")
