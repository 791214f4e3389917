"""Bases of the CC3xx/CC4xx rules: each reports one slice of the attribution stage's outcomes."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.attribution.outcomes import AttributionOutcome, VideoVerdict
from citecheck.checks.base import LintContext, Rule
from citecheck.models import Finding


class AttributionRule(Rule):
    """A rule reporting the attribution outcomes :meth:`selects` picks."""

    def selects(self, outcome: AttributionOutcome) -> bool:
        """Whether this rule reports ``outcome``."""
        raise NotImplementedError

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for outcome in ctx.attribution().attributions:
            if self.selects(outcome):
                yield self.finding(
                    ctx,
                    outcome.claim.span,
                    outcome.message,
                    claim=outcome.claim,
                    citation=outcome.citation,
                    evidence=outcome.evidence,
                    fix=outcome.fix,
                    severity=outcome.severity,
                )


class VideoRule(Rule):
    """A rule reporting the video outcomes with one verdict."""

    verdict: VideoVerdict

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for outcome in ctx.attribution().videos:
            if outcome.verdict == self.verdict:
                yield self.finding(
                    ctx,
                    outcome.claim.span,
                    outcome.message,
                    claim=outcome.claim,
                    evidence=outcome.evidence,
                    fix=outcome.fix,
                    severity=outcome.severity,
                )
