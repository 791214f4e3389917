"""CC101 citation-unresolvable."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks._resolution import ResolutionRule, describe_target, resolution_finding
from citecheck.checks.base import LintContext, register
from citecheck.models import Category, Evidence, Finding, Resolution, Severity
from citecheck.resolve.resolver import NO_CORPUS


@register
class CitationUnresolvable(ResolutionRule):
    """A citation names a source file or document title that the corpus does not hold.

    Nothing can be checked against a source that is not there, so the claim the
    citation backs is unverified. The finding lists the nearest file names or
    titles (with their match score, 0-100) so a typo or a shortened title can be
    fixed at once.

    Anti-pattern
    ------------
    The collection holds "Transformer模型PyTorch实现：从原理到代码完全解析", but the
    report cites a title that exists nowhere::

        Transformer 由编码器和解码器组成[long_context: "Transformer 架构百科全书", chunk 1]。

    Best practice
    -------------
    Cite the document by its title as the collection lists it (a shortened but
    unambiguous title also resolves)::

        Transformer 由编码器和解码器组成[long_context: "Transformer模型PyTorch实现", chunk 1]。
    """

    code = "CC101"
    slug = "citation-unresolvable"
    category = Category.CITATION_UNRESOLVABLE
    severity = Severity.ERROR
    summary = "A citation names a source file or title that is not in the corpus."
    status = "unresolvable"

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        unresolved = [r for r in ctx.resolutions if self.selects(r)]
        if unresolved and all(r.detail == NO_CORPUS for r in unresolved):
            yield self._no_corpus(ctx, unresolved)
            return
        for resolution in unresolved:
            yield self.report(ctx, resolution)

    def _no_corpus(self, ctx: LintContext, unresolved: list[Resolution]) -> Finding:
        """One finding for the whole report: without a corpus nothing can resolve."""
        return resolution_finding(
            self,
            ctx,
            unresolved[0],
            f"{NO_CORPUS}: none of the report's {len(unresolved)} citation targets can be resolved",
            fix=self.fix(ctx, unresolved[0]),
        )

    def message(self, ctx: LintContext, resolution: Resolution) -> str:
        cited = describe_target(resolution.target)
        message = f"cannot resolve {cited}: {resolution.detail or 'not in the corpus'}"
        if not resolution.candidates:
            return message
        options = ", ".join(
            f'"{c.name}"' + (f" ({c.score:.0f})" if c.score is not None else "")
            for c in resolution.candidates
        )
        return f"{message}; did you mean {options}?"

    def evidence(self, ctx: LintContext, resolution: Resolution) -> list[Evidence]:
        return [
            Evidence(
                source=resolution.target.source,
                locator=f"nearest candidate {rank}"
                + (f" (score {c.score:.0f})" if c.score is not None else ""),
                text=c.name,
            )
            for rank, c in enumerate(resolution.candidates, start=1)
        ]

    def fix(self, ctx: LintContext, resolution: Resolution) -> str:
        if resolution.detail == NO_CORPUS:
            return "give the folder holding the cited sources (--corpus DIR)"
        if resolution.candidates:
            best = resolution.candidates[0].name
            return f'cite "{best}" if that is the source meant, else remove the citation'
        return "cite a source that is in the corpus, or remove the citation"
