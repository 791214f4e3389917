"""CC501 missing-section."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.derive import requirements_for
from citecheck.requirements.measure import missing_sections, region_start_span


@register
class MissingSection(Rule):
    """A section the report must contain is missing.

    Required sections come from the rule pack (``[[requirements.sections]]``) and,
    unless ``derive_from_query = false``, from the user's request, e.g.
    ``包含以下部分：（1）论文基本信息；（2）核心内容摘要``. A section counts as present
    when a heading, or a short standalone line such as ``（1）论文基本信息``, matches
    one of its patterns.

    Anti-pattern
    ------------
    The request asks for four parts and the report stops after three::

        （1）论文基本信息 …
        （2）核心内容摘要 …
        （3）关键技术解析 …

    Best practice
    -------------
    Write every requested part under a heading that names it::

        （1）论文基本信息 …
        （2）核心内容摘要 …
        （3）关键技术解析 …
        （4）视频补充要点 …
    """

    code = "CC501"
    slug = "missing-section"
    category = Category.REPORT_REQUIREMENT
    severity = Severity.ERROR
    summary = "A section the rule pack or the request requires is missing."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        report = ctx.report
        headings = [
            Evidence(source=report.path, locator=f"line {s.line}", text=s.title)
            for s in report.sections
        ]
        for section in missing_sections(report, requirements_for(report, ctx.pack)):
            yield self.finding(
                ctx,
                region_start_span(report),
                f'required section "{section.name}" is missing: no heading matches'
                f" {' | '.join(section.patterns)} or holds most of its name",
                evidence=headings,
                fix=f'add a section headed "{section.name}"',
            )
