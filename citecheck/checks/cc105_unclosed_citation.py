"""CC105 unclosed-citation."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Finding, Severity
from citecheck.resolve.resolver import claim_for_citation


@register
class UnclosedCitation(Rule):
    """A citation bracket opens a source but the line ends before its ``]``.

    Renderers show the bracket as plain text, and a reader cannot tell where the
    citation ends. citecheck still resolves and checks what it names.

    Anti-pattern
    ------------
    ::

        表 3 给出了消融结果[文档: pdf.pdf, page 9

    Best practice
    -------------
    Close the bracket on the same line::

        表 3 给出了消融结果[文档: pdf.pdf, page 9]。
    """

    code = "CC105"
    slug = "unclosed-citation"
    category = Category.CITATION_UNRESOLVABLE
    severity = Severity.WARNING
    summary = "A citation bracket is not closed before the end of its line."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for citation in ctx.report.citations:
            if not citation.closed:
                yield self.finding(
                    ctx,
                    citation.span,
                    f"citation {citation.text} is not closed: the line ends before its ']'",
                    claim=claim_for_citation(ctx.report, citation),
                    citation=citation,
                    fix=f"close the bracket: {citation.text.rstrip()}]",
                )
