"""CC502 length-out-of-bounds."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.derive import requirements_for
from citecheck.requirements.measure import measure_report_length, region_start_span
from citecheck.rulepack import LengthRequirement


@register
class LengthOutOfBounds(Rule):
    """The report is shorter or longer than required, however it is counted.

    Bounds come from ``[requirements.length]`` of the rule pack or from the request
    (``字数在2000至3000字`` → 2000–3000; ``1000字左右`` → 800–1200; the English
    variant of a bilingual request for an English report). A length in 字 is
    counted as a word processor counts 字数 (Han characters, CJK punctuation, each
    Latin word or number as one), as Han characters plus Latin words, and as
    non-whitespace characters; a length in words as words. Citation brackets are
    left out. The finding is an error only when every count is out of bounds; when
    the word processor's count is out but another is inside, it is an info naming
    them all; when the word processor's count is inside, there is none.

    Anti-pattern
    ------------
    The request says ``字数在2000至3000字`` and the report body counts 1,650
    however it is counted.

    Best practice
    -------------
    Count the way the request means it, before writing a closing remark such as
    ``（共约2250字）``, and extend or trim the body to fit the bounds.
    """

    code = "CC502"
    slug = "length-out-of-bounds"
    category = Category.REPORT_REQUIREMENT
    severity = Severity.ERROR
    summary = "The report's length is outside the required bounds under every count."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        length = requirements_for(ctx.report, ctx.pack).length
        if length is None:
            return
        measure = measure_report_length(ctx.report, length)
        count = measure.primary
        if count not in measure.outside(length):
            return
        every = measure.all_outside(length)
        short = length.min is not None and count.value < length.min
        target = length.min if short else length.max
        others = f"; other counts: {measure.others()}" if measure.others() else ""
        verdict = "outside" if every else "outside, but not under every count,"
        yield self.finding(
            ctx,
            region_start_span(ctx.report),
            f"the report counts {measure.describe(count)}, {verdict} the required"
            f" {_bounds(length)}{others}",
            evidence=[
                Evidence(
                    source=ctx.report.path,
                    locator="report region",
                    text=f"{c.value} counted ({c.method})",
                )
                for c in measure.counts
            ],
            fix=f"{'extend' if short else 'shorten'} the report by at least"
            f" {abs(count.value - (target or 0))}",
            severity=None if every else Severity.INFO,
        )


def _bounds(length: LengthRequirement) -> str:
    if length.min is not None and length.max is not None:
        return f"{length.min}–{length.max}"
    return f"minimum of {length.min}" if length.min is not None else f"maximum of {length.max}"
