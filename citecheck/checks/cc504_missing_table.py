"""CC504 missing-table."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.derive import requirements_for
from citecheck.requirements.measure import heading_span, missing_tables, region_start_span
from citecheck.requirements.patterns import pack_owner


@register
class MissingTable(Rule):
    """A table the request asks for is missing.

    Requests often ask for a table in one part ("三、实验结果：必须包含一张表格",
    "Results — with at least one table"); the rule pack can ask for one too
    (``[[requirements.tables]]``). A request that offers a table as one way among
    others ("用一张表格或逐项列举") or rules tables out asks for none. A Markdown table
    (its ``|---|`` row) or an HTML ``<table>`` counts. The finding is an error when
    the report holds no table at all, or a table of fewer rows than the request asks
    for ("至少列出三个系统", "at least three systems"), and a warning when its tables are
    outside the section the request names; it sits on that section's heading when
    there is one.

    Anti-pattern
    ------------
    The request asks for a comparison table in part 三, and the report lists the
    numbers as bullets::

        三、实验结果
        - PRISM 的 MSE 为 0.187 …

    Best practice
    -------------
    Put the comparison in a table in that part::

        三、实验结果
        | 模型 | ETTh1 | LanyunGrid |
        |---|---|---|
        | PRISM | 0.401 | 0.187 |
    """

    code = "CC504"
    slug = "missing-table"
    category = Category.REPORT_REQUIREMENT
    severity = Severity.ERROR
    summary = "A table the rule pack or the request requires is missing."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        report = ctx.report
        requirements = requirements_for(report, ctx.pack)
        for missing in missing_tables(report, requirements, pack_owner(ctx.pack)):
            where = missing.requirement.section
            asked = f'a table in "{where}"' if where else "a table"
            section = missing.section
            if missing.rows is not None:
                asked += f" of at least {missing.requirement.min_rows} rows"
                message = f"its table lists {missing.rows}"
            elif section is not None and missing.elsewhere:
                message = f'the report\'s tables are outside "{section.title}"'
            else:
                message = "the report holds no table"
            yield self.finding(
                ctx,
                heading_span(report, section) if section else region_start_span(report),
                f"the request asks for {asked}; {message}",
                severity=Severity.WARNING if missing.elsewhere else None,
                evidence=[
                    Evidence(source=report.path, locator=f"line {section.line}", text=section.title)
                ]
                if section
                else [],
                fix=(
                    "list every system the request asks for in the table"
                    if missing.rows is not None
                    else "add the table the request asks for"
                    + (" to this section" if section else "")
                ),
            )
