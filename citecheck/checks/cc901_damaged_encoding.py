"""CC901 damaged-encoding."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.measure import region_start_span
from citecheck.textutil import REPLACEMENT_CHAR, LineIndex

SNIPPET_CHARS = 40


@register
class DamagedEncoding(Rule):
    """The report's text is damaged: mojibake, or characters lost in decoding.

    A report written as UTF-8 and read back with a Windows code page turns
    ``模型`` into ``æ¨¡åž‹``; bytes the code page cannot map are lost for good (shown
    as ``�``). citecheck repairs what it can and matches citation titles after
    repair, but quotes and numbers in damaged sentences may not verify, so
    findings on them deserve a second look.

    Anti-pattern
    ------------
    ::

        Transformer模�由Google团队�2017年�出[long_context: "写给“纯�白�的大�言模�入门指�", chunk 2]

    Best practice
    -------------
    Keep the report UTF-8 end to end (write, store and pass it on as UTF-8)::

        Transformer模型由Google团队于2017年提出
        [long_context: "写给“纯小白”的大语言模型入门指南", chunk 2]
    """

    code = "CC901"
    slug = "damaged-encoding"
    category = Category.INPUT_QUALITY
    severity = Severity.WARNING
    summary = "The report text is mojibake or lost characters in decoding."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        report = ctx.report
        if not report.damaged_encoding:
            return
        lost = report.text.count(REPLACEMENT_CHAR)
        first = report.text.find(REPLACEMENT_CHAR)
        if first >= 0:
            span = LineIndex(report.text).span(first, first + 1)
            evidence = [
                Evidence(
                    source=report.path,
                    locator=f"line {span.line}",
                    text=report.text[
                        max(0, first - SNIPPET_CHARS // 2) : first + SNIPPET_CHARS // 2
                    ],
                )
            ]
        else:
            span, evidence = region_start_span(report), []
        damage = f"; {lost} characters were lost ({REPLACEMENT_CHAR})" if lost else ""
        yield self.finding(
            ctx,
            span,
            "the text looks like UTF-8 decoded with the wrong code page (mojibake)"
            f"{damage}; citation titles were matched after repair, so check quotes and"
            " fuzzy title matches by hand",
            evidence=evidence,
            fix="re-export the report as UTF-8 from the tool that wrote it",
        )
