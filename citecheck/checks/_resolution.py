"""Helpers of the resolution rules (CC1xx): how a target is named, where a finding goes.

:class:`ResolutionRule` is their base: it loops over the citations' resolutions
and reports those a rule selects, so a rule file states only what it looks for and
what it says.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from citecheck.checks.base import LintContext, Rule
from citecheck.models import CitationTarget, Evidence, Finding, Resolution
from citecheck.resolve.resolver import claim_for_citation


def describe_target(target: CitationTarget) -> str:
    """A target as a reader would name it: ``long_context "Title"``, ``pdf.pdf``,
    ``source [3]`` (a numbered marker) or the URL of a link."""
    if target.kind == "reference":
        lines = f", lines {min(target.lines)}–{max(target.lines)}" if target.lines else ""
        return f"source [{target.key}]{lines}"
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


class ResolutionRule(Rule):
    """A rule reporting, on the citation, each resolution :meth:`selects` picks."""

    status: ClassVar[str]
    """The resolution status the rule reports (by default, see :meth:`selects`)."""

    def selects(self, resolution: Resolution) -> bool:
        """Whether this rule reports ``resolution``: by default, when it has :attr:`status`."""
        return resolution.status == self.status

    def message(self, ctx: LintContext, resolution: Resolution) -> str:
        """What the finding says about ``resolution``."""
        raise NotImplementedError

    def evidence(self, ctx: LintContext, resolution: Resolution) -> list[Evidence] | None:
        """What the finding shows as evidence (none by default)."""
        return None

    def fix(self, ctx: LintContext, resolution: Resolution) -> str | None:
        """How to fix the citation (no advice by default)."""
        return None

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for resolution in ctx.resolutions:
            if self.selects(resolution):
                yield self.report(ctx, resolution)

    def report(self, ctx: LintContext, resolution: Resolution) -> Finding:
        """The finding for one selected resolution."""
        return resolution_finding(
            self,
            ctx,
            resolution,
            self.message(ctx, resolution),
            evidence=self.evidence(ctx, resolution),
            fix=self.fix(ctx, resolution),
        )
