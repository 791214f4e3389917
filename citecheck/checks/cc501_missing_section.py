"""CC501 missing-section."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.derive import requirements_for
from citecheck.requirements.measure import (
    heading_name,
    heading_span,
    missing_sections,
    region_start_span,
)
from citecheck.requirements.patterns import pack_owner


@register
class MissingSection(Rule):
    """A section the report must contain is missing.

    Required sections come from the rule pack (``[[requirements.sections]]``) and,
    unless ``derive_from_query = false``, from the user's request, e.g.
    ``包含以下部分：（1）论文基本信息；（2）核心内容摘要``. A section counts as present
    when a heading, or a short standalone line such as ``（1）论文基本信息``, matches
    one of its patterns or rewords its name (``（三）关键技术深度解析`` for
    ``关键技术解析``). When the request numbers its sections and the report has a
    heading with the missing section's number under another name, the finding
    sits on that heading; otherwise at the start of the report.

    Anti-pattern
    ------------
    The request asks for four parts and the report stops after three::

        （1）论文基本信息 …
        （2）核心内容摘要 …
        （3）关键技术解析 …

    or puts something else in the fourth place::

        （4）总结与思考 …

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
        for missing in missing_sections(
            report, requirements_for(report, ctx.pack), pack_owner(ctx.pack)
        ):
            section, substitute = missing.section, missing.substitute
            if substitute is not None:
                yield self.finding(
                    ctx,
                    heading_span(report, substitute),
                    f'section ({section.number}) should be "{section.name}",'
                    f' the report has "{heading_name(substitute.title)}"',
                    evidence=headings,
                    fix=f'write the section "{section.name}" here, or add it',
                )
                continue
            yield self.finding(
                ctx,
                region_start_span(report),
                f'required section "{section.name}" is missing: no heading matches'
                f" {' | '.join(section.patterns)} or holds most of its name",
                evidence=headings,
                fix=f'add a section headed "{section.name}"',
            )
