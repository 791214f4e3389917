"""Helpers of the support rules (CC2xx): which judged claims each rule reports, and
the finding that carries a judgement."""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checks.base import LintContext, Rule
from citecheck.models import Citation, Claim, ClaimJudgement, Evidence, Finding, Verdict
from citecheck.support.service import is_judged


def iter_judged_claims(ctx: LintContext) -> Iterator[tuple[Claim, ClaimJudgement]]:
    """Checkable cited claims of the report with their judgement, in reading order.

    Claims the pipeline cannot judge (no judge, nothing resolvable) are skipped,
    and so are claims that cite only a video: the video rules (CC4xx) judge those
    against transcript and keyframes, with timestamps.
    """
    if ctx.judge is None:
        return
    for claim in ctx.report.claims:
        if not is_judged(claim):
            continue
        judgement = ctx.judge(claim)
        if judgement is not None:
            yield claim, judgement


def iter_unsupported_claims(
    ctx: LintContext, *, confident: bool
) -> Iterator[tuple[Claim, ClaimJudgement]]:
    """Claims their cited location does not support.

    ``confident`` picks those the decision layer confirmed (two signals agree):
    CC201 reports them, or CC204 when another location supports them; confirmed
    contradictions are CC202's, replaced values CC206's. Otherwise the grey zone,
    unconfirmed contradictions included, which CC205 reports, whether or not another
    location seems better.
    """
    labels = {"unsupported"} if confident else {"unsupported", "contradicted"}
    for claim, judgement in iter_judged_claims(ctx):
        verdict = judgement.verdict
        if verdict.label in labels and verdict.confident == confident and not verdict.replaced:
            yield claim, judgement


def cited_as(claim: Claim) -> str:
    """The claim's citation brackets as written, for messages."""
    return " ".join(c.text for c in claim.citations)


def judgement_finding(
    rule: Rule,
    ctx: LintContext,
    claim: Claim,
    verdict: Verdict,
    message: str,
    *,
    fix: str,
    citation: Citation | None = None,
    evidence: list[Evidence] | None = None,
) -> Finding:
    """A support rule's finding with the judge's score and backend.

    It is placed on the claim and names the claim's first citation, or is placed on
    ``citation`` when the rule points at one; it shows the verdict's evidence unless
    ``evidence`` is given.
    """
    return rule.finding(
        ctx,
        claim.span if citation is None else citation.span,
        message,
        claim=claim,
        citation=claim.citations[0] if citation is None else citation,
        evidence=verdict.evidence if evidence is None else evidence,
        score=verdict.score,
        fix=fix,
        backend=verdict.backend,
    )
