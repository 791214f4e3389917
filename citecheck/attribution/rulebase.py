"""Bases of the CC3xx/CC4xx rules: each rule reports one slice of the shared outcomes."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.attribution.assess import AttributionOutcome, assess_attributions
from citecheck.attribution.video import VideoVerdict, assess_video_claims
from citecheck.checks.base import LintContext, Rule
from citecheck.models import Finding


class AttributionRule(Rule):
    """A rule reporting the attribution outcomes :meth:`selects` picks."""

    def selects(self, outcome: AttributionOutcome) -> bool:
        """Whether this rule reports ``outcome``."""
        raise NotImplementedError

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for outcome in assess_attributions(ctx):
            if self.selects(outcome):
                yield self.finding(
                    ctx, outcome.claim.span, outcome.message, claim=outcome.claim,
                    citation=outcome.citation, evidence=outcome.evidence, fix=outcome.fix,
                )  # fmt: skip


class VideoRule(Rule):
    """A rule reporting the video outcomes with one verdict."""

    verdict: VideoVerdict

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for outcome in assess_video_claims(ctx):
            if outcome.verdict == self.verdict:
                yield self.finding(
                    ctx, outcome.claim.span, outcome.message, claim=outcome.claim,
                    evidence=outcome.evidence, fix=outcome.fix, severity=outcome.severity,
                )  # fmt: skip
