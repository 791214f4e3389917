"""CC203 uncited-claim: a specific factual sentence that carries no citation."""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Finding, Severity
from citecheck.report.claims import (
    is_checkable,
    is_own_view,
    is_specific_factual,
    report_topics,
)


@register
class UncitedClaim(Rule):
    """A sentence stating a specific fact (a number, percentage or year, a
    model or dataset name, a named result, a direct quote) without a citation.

    A citation that closes a paragraph covers the paragraph's earlier sentences,
    so they are not reported. Headings, reference lists, lead-ins, questions and
    the writer's own view ("我的疑问是：…", "In my view, …") are not claims.

    Anti-pattern
    ------------
    A figure nobody can check::

        该方法在 UltraFeedback 上将胜率提高了 12.5%。

    Best practice
    -------------
    Cite where the figure comes from::

        该方法在 UltraFeedback 上将胜率提高了 12.5% [文档: pdf.pdf, page 8]。
    """

    code = "CC203"
    slug = "uncited-claim"
    category = Category.UNCITED_CLAIM
    severity = Severity.WARNING
    summary = "A specific factual claim carries no citation."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """One finding per uncited, checkable, specific factual sentence."""
        topics = report_topics(ctx.report.claims)
        for claim in ctx.report.claims:
            if claim.citations or not is_checkable(claim) or is_own_view(claim):
                continue
            if not is_specific_factual(claim, topics):
                continue
            yield self.finding(
                ctx,
                claim.span,
                "specific factual claim without a citation",
                claim=claim,
                fix="cite the source passage that states this, e.g. [文档: pdf.pdf, page N]",
            )
