"""CC103 citation-too-vague."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks._resolution import resolution_finding
from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Finding, Severity


@register
class CitationTooVague(Rule):
    """A citation names a whole document collection but no document in it.

    A collection holds thousands of documents; a bracket that only names the
    collection points a reader nowhere and cannot be checked.

    Anti-pattern
    ------------
    ::

        KV 缓存显著降低了推理延迟[Long Context Document Collection]。

    Best practice
    -------------
    Name the document and the chunk the statement comes from::

        KV 缓存显著降低了推理延迟[long_context: "大模型推理优化技术万字长文总结", chunk 1]。
    """

    code = "CC103"
    slug = "citation-too-vague"
    category = Category.CITATION_UNRESOLVABLE
    severity = Severity.WARNING
    summary = "A citation names a document collection but no document in it."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for resolution in ctx.resolutions:
            if resolution.status == "vague":
                yield resolution_finding(
                    self,
                    ctx,
                    resolution,
                    f"{resolution.citation.text} names no document: {resolution.detail}",
                    fix="name the document and chunk:"
                    f' [{resolution.target.source}: "<title>", chunk N]',
                )
