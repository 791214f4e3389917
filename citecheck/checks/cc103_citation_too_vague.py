"""CC103 citation-too-vague."""

from __future__ import annotations

from citecheck.checks._resolution import ResolutionRule
from citecheck.checks.base import LintContext, register
from citecheck.models import Category, Resolution, Severity


@register
class CitationTooVague(ResolutionRule):
    """A citation names a whole document collection but no document in it, or a
    title that several of its documents share.

    A collection holds thousands of documents; a bracket that only names the
    collection, or a title two documents carry, points a reader nowhere certain
    and cannot be checked.

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
    status = "vague"

    def message(self, ctx: LintContext, resolution: Resolution) -> str:
        return f"{resolution.citation.text} names no single document: {resolution.detail}"

    def fix(self, ctx: LintContext, resolution: Resolution) -> str:
        return f'name the document and chunk: [{resolution.target.source}: "<title>", chunk N]'
