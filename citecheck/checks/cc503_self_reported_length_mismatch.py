"""CC503 self-reported-length-mismatch."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.derive import requirements_for, unit_of
from citecheck.requirements.measure import measure_report_length, self_reported_lengths
from citecheck.rulepack import LengthRequirement


@register
class SelfReportedLengthMismatch(Rule):
    """The report states its own length, and the statement is off however it is counted.

    Agents like to close with ``（共约2250字，…完全覆盖任务需求。）`` without counting.
    The stated number is compared with every reasonable count of the report in the
    statement's unit (字: a word processor's 字数 with CJK punctuation, Han
    characters plus Latin words, non-whitespace characters; words: words), with
    citations left out. It is reported when it is more than
    ``thresholds.length_tolerance`` (default 10 %) away from each of them; the
    message quotes the word processor's count.

    Anti-pattern
    ------------
    A report that counts about 2,000 however it is counted says::

        （共约5000字，结构清晰，内容充实。）

    Best practice
    -------------
    State the counted length, or leave the claim out::

        （共约2000字。）
    """

    code = "CC503"
    slug = "self-reported-length-mismatch"
    category = Category.REPORT_REQUIREMENT
    severity = Severity.WARNING
    summary = "The length the report states about itself is off from every count."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        stated = self_reported_lengths(ctx.report, ctx.pack)
        if not stated:
            return
        required = requirements_for(ctx.report, ctx.pack).length or LengthRequirement()
        tolerance = ctx.pack.thresholds.length_tolerance
        for claim in stated:
            unit = required.model_copy(update={"counting": unit_of(claim.text)})
            measure = measure_report_length(ctx.report, unit)
            offs = [abs(claim.value - c.value) / max(c.value, 1) for c in measure.counts]
            if min(offs) <= tolerance:
                continue
            count = measure.primary
            others = f"; other counts: {measure.others()}" if measure.others() else ""
            yield self.finding(
                ctx,
                claim.span,
                f"the report says {claim.value} (“{claim.text}”) but counts"
                f" {measure.describe(count)}: off by {offs[0]:.0%}, and by more than"
                f" the tolerance {tolerance:.0%} from every count{others}",
                evidence=[
                    Evidence(
                        source=ctx.report.path,
                        locator="report region",
                        text=f"{c.value} counted ({c.method})",
                    )
                    for c in measure.counts
                ],
                fix=f"state the counted length ({count.value}) or drop the statement",
            )
