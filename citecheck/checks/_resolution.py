"""Helpers of the resolution rules (CC1xx): how a target is named, where a finding goes."""

from __future__ import annotations

from citecheck.checks.base import LintContext, Rule
from citecheck.models import CitationTarget, Evidence, Finding, Resolution
from citecheck.resolve.resolver import claim_for_citation


def describe_target(target: CitationTarget) -> str:
    """A target as a reader would name it: ``long_context "Title"`` or ``pdf.pdf``."""
    if target.kind == "collection":
        return f'{target.source} "{target.title}"' if target.title else target.source
    return target.source


def resolution_finding(
    rule: Rule,
    ctx: LintContext,
    resolution: Resolution,
    message: str,
    *,
    evidence: list[Evidence] | None = None,
    fix: str | None = None,
) -> Finding:
    """A finding of a resolution rule, placed on the citation and naming its claim."""
    return rule.finding(
        ctx,
        resolution.citation.span,
        message,
        claim=claim_for_citation(ctx.report, resolution.citation),
        citation=resolution.citation,
        evidence=evidence,
        fix=fix,
    )
