"""Bases of the CC3xx/CC4xx rules: each reports one slice of the attribution stage's outcomes."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.attribution.outcomes import AttributionOutcome, VideoOutcome, VideoVerdict
from citecheck.checks.base import LintContext, Rule
from citecheck.models import Citation, Finding


class AttributionRule(Rule):
    """A rule reporting the attribution outcomes :meth:`selects` picks."""

    def selects(self, outcome: AttributionOutcome) -> bool:
        """Whether this rule reports ``outcome``."""
        raise NotImplementedError

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for outcome in ctx.attribution().attributions:
            if self.selects(outcome):
                yield _outcome_finding(self, ctx, outcome, outcome.citation)


class VideoRule(Rule):
    """A rule reporting the video outcomes with one verdict."""

    verdict: VideoVerdict

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for outcome in ctx.attribution().videos:
            if outcome.verdict == self.verdict:
                yield _outcome_finding(self, ctx, outcome)


def _outcome_finding(
    rule: Rule,
    ctx: LintContext,
    outcome: AttributionOutcome | VideoOutcome,
    citation: Citation | None = None,
) -> Finding:
    """The finding that reports one outcome at its claim."""
    return rule.finding(
        ctx,
        outcome.claim.span,
        outcome.message,
        claim=outcome.claim,
        citation=citation,
        evidence=outcome.evidence,
        fix=outcome.fix,
        severity=outcome.severity,
    )
