"""CC502 length-out-of-bounds."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.derive import requirements_for
from citecheck.requirements.measure import count_report_length, describe_counting, region_start_span
from citecheck.rulepack import LengthRequirement


@register
class LengthOutOfBounds(Rule):
    """The report is shorter or longer than required.

    Bounds come from ``[requirements.length]`` of the rule pack or from the request
    (``字数在2000至3000字`` → 2000–3000; ``1000字左右`` → 800–1200). Length is counted
    as CJK characters plus Latin words (a run of letters and digits counts one),
    with citation brackets left out; markup and punctuation count nothing.

    Anti-pattern
    ------------
    The request says ``字数在2000至3000字`` and the report body counts 1,650.

    Best practice
    -------------
    Count the way the request means it, before writing a closing remark such as
    ``（共约2250字）``, and extend or trim the body to fit the bounds.
    """

    code = "CC502"
    slug = "length-out-of-bounds"
    category = Category.REPORT_REQUIREMENT
    severity = Severity.ERROR
    summary = "The report's length is outside the required bounds."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        length = requirements_for(ctx.report, ctx.pack).length
        if length is None:
            return
        count = count_report_length(ctx.report, length.exclude_citations, length.counting)
        short = length.min is not None and count < length.min
        long = length.max is not None and count > length.max
        if not (short or long):
            return
        target = length.min if short else length.max
        yield self.finding(
            ctx,
            region_start_span(ctx.report),
            f"the report counts {count} ({describe_counting(length)}), outside the required"
            f" {_bounds(length)}",
            evidence=[
                Evidence(source=ctx.report.path, locator="report region", text=f"{count} counted")
            ],
            fix=f"{'extend' if short else 'shorten'} the report by at least"
            f" {abs(count - (target or 0))}",
        )


def _bounds(length: LengthRequirement) -> str:
    if length.min is not None and length.max is not None:
        return f"{length.min}–{length.max}"
    return f"minimum of {length.min}" if length.min is not None else f"maximum of {length.max}"
