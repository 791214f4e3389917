"""CC503 self-reported-length-mismatch."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.derive import requirements_for
from citecheck.requirements.measure import (
    count_report_length,
    describe_counting,
    self_reported_lengths,
)
from citecheck.rulepack import LengthRequirement


@register
class SelfReportedLengthMismatch(Rule):
    """The report states its own length, and the statement is off.

    Agents like to close with ``（共约2250字，…完全覆盖任务需求。）`` without counting.
    The stated number is compared with the count (CJK characters plus Latin words,
    citations excluded); a relative difference above ``thresholds.length_tolerance``
    (default 10 %) of the count is reported.

    Anti-pattern
    ------------
    A report that counts about 2,000 says::

        （共约2250字，结构清晰，内容充实。）

    Best practice
    -------------
    State the counted length, or leave the claim out::

        （共约2000字。）
    """

    code = "CC503"
    slug = "self-reported-length-mismatch"
    category = Category.REPORT_REQUIREMENT
    severity = Severity.WARNING
    summary = "The length the report states about itself is off from the count."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        stated = self_reported_lengths(ctx.report, ctx.pack)
        if not stated:
            return
        length = requirements_for(ctx.report, ctx.pack).length or LengthRequirement()
        count = count_report_length(ctx.report, length.exclude_citations, length.counting)
        tolerance = ctx.pack.thresholds.length_tolerance
        for claim in stated:
            off = abs(claim.value - count) / max(count, 1)
            if off <= tolerance:
                continue
            yield self.finding(
                ctx,
                claim.span,
                f"the report says {claim.value} (“{claim.text}”) but counts {count}"
                f" ({describe_counting(length)}): off by {off:.0%}, tolerance {tolerance:.0%}",
                evidence=[
                    Evidence(
                        source=ctx.report.path, locator="report region", text=f"{count} counted"
                    )
                ],
                fix=f"state the counted length ({count}) or drop the statement",
            )
