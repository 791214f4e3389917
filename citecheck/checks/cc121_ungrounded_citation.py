"""CC121 ungrounded-citation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.checks._resolution import ResolutionRule, describe_target
from citecheck.checks.base import LintContext, register
from citecheck.models import Category, Evidence, Resolution, Severity
from citecheck.resolve.web import WEB_KINDS

if TYPE_CHECKING:
    from citecheck.corpus.trace import Retrieval

LISTED_RETRIEVALS = 5
"""How many of the trace's complete retrievals a finding lists as evidence."""


@register
class UngroundedCitation(ResolutionRule):
    """A citation names a chunk or web page the agent never retrieved, by its own record.

    An agent can only have read what its retrieval tools returned. When the trace
    shows every retrieval's full result list and the cited chunk is in none of
    them, the citation was not taken from the source: it is likely made up. A
    truncated log settles nothing and raises no finding. Likewise a numbered marker
    or link whose URL is missing from the agent's complete web sources (its fetch
    log, STORM's url_to_info.json, a saved-pages index) names a page never read, and
    so does a PDF page outside every page range the agent's reads of the file asked
    for (``read_pdf {"pages": "1-5"}`` then ``{"pages": "6-9"}``: page 10 was never read).

    Anti-pattern
    ------------
    The trace shows the agent retrieved chunks 0 and 2 of the document, but the
    report cites chunk 4::

        KV 缓存可减少重复计算[long_context: "大模型推理优化技术万字长文总结", chunk 4]。

    Best practice
    -------------
    Cite the chunk the statement was read from::

        KV 缓存可减少重复计算[long_context: "大模型推理优化技术万字长文总结", chunk 2]。
    """

    code = "CC121"
    slug = "ungrounded-citation"
    category = Category.UNGROUNDED_CITATION
    severity = Severity.ERROR
    summary = "A citation names a chunk or page the agent's complete record never retrieved."

    def selects(self, resolution: Resolution) -> bool:
        return resolution.retrieved is False

    def message(self, ctx: LintContext, resolution: Resolution) -> str:
        if resolution.target.kind in WEB_KINDS:
            return f"{describe_target(resolution.target)}: {resolution.detail}"
        never = ", ".join(str(n) for n in resolution.never_retrieved)
        if resolution.target.kind == "file":
            return (
                f"page {never} of {describe_target(resolution.target)} was never read:"
                f" {resolution.detail}"
            )
        complete = len(self._complete(ctx))
        message = (
            f"chunk {never} of {describe_target(resolution.target)} was never retrieved:"
            f" it appears in none of the {complete} complete retrieval results of the trace"
        )
        seen = self._seen_chunks(ctx, resolution)
        if seen:
            message += f" (the agent saw chunk {', '.join(map(str, seen))} of this document)"
        return message

    @staticmethod
    def _complete(ctx: LintContext) -> list[Retrieval]:
        return [r for r in ctx.trace.retrievals if r.complete] if ctx.trace else []

    @staticmethod
    def _seen_chunks(ctx: LintContext, resolution: Resolution) -> list[int]:
        if ctx.trace is None or resolution.match is None or resolution.unit_count is None:
            return []
        titles = dict.fromkeys([resolution.match.title, resolution.target.title or ""])
        return [
            n
            for n in range(resolution.unit_count)
            if any(ctx.trace.was_retrieved(title, n) for title in titles if title)
        ]

    def evidence(self, ctx: LintContext, resolution: Resolution) -> list[Evidence]:
        if resolution.target.kind == "file":  # a page: what the trace's reads covered
            return [
                Evidence(source="trace", locator=resolution.target.source, text=resolution.detail)
            ]
        return [
            Evidence(
                source="trace",
                locator=f"line {r.line}: {r.tool}",
                text=f"query {r.query!r}: "
                + "; ".join(f'"{hit.title}", chunk {hit.chunk}' for hit in r.results),
            )
            for r in self._complete(ctx)[:LISTED_RETRIEVALS]
        ]

    def fix(self, ctx: LintContext, resolution: Resolution) -> str:
        if resolution.target.kind in WEB_KINDS:
            return "cite a page the agent fetched, or fetch this one and check the claim against it"
        if resolution.target.kind == "file":
            return "cite a page the agent read, or read this one and check the claim against it"
        return (
            "cite a chunk the agent retrieved, or retrieve this one and check the claim against it"
        )
