"""CC204 misplaced-citation: the claim is supported, but not where the citation points."""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checks._support import iter_judged_claims, judgement_finding
from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Citation, Claim, Evidence, Finding, Severity, SourceUnit


@register
class MisplacedCitation(Rule):
    """A claim the cited page or chunk does not support, but a neighbouring
    chunk or another page of the same source does.

    Reported at the citation, with the location that does support the claim as
    the fix.

    Anti-pattern
    ------------
    The squeezing effect is described on page 7, not page 3::

        DPO 会产生挤压效应 [文档: pdf.pdf, page 3]。

    Best practice
    -------------
    Point at the page that says it::

        DPO 会产生挤压效应 [文档: pdf.pdf, page 7]。
    """

    code = "CC204"
    slug = "misplaced-citation"
    category = Category.UNSUPPORTED_CLAIM
    severity = Severity.WARNING
    summary = "A claim is supported elsewhere in the source, not at the cited location."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """One finding per claim that is supported only outside the cited unit."""
        for claim, judgement in iter_judged_claims(ctx):
            found, verdict = judgement.elsewhere, judgement.verdict
            wrong_here = verdict.label != "supported" and verdict.confident
            if found is None or not wrong_here:
                continue
            citation = _citation_of(claim, found)
            shown = Evidence(source=found.source, locator=found.locator, text=found.text)
            yield judgement_finding(
                self,
                ctx,
                claim,
                verdict,
                f"{citation.text} does not support this claim, but {found.source} "
                f"{found.locator} does",
                fix=f"cite {found.source}, {found.locator}",
                citation=citation,
                evidence=[shown, *verdict.evidence],
            )


def _citation_of(claim: Claim, unit: SourceUnit) -> Citation:
    """The claim's citation naming the unit's source (else its first citation)."""
    for citation in claim.citations:
        if any(t.source == unit.source for t in citation.targets):
            return citation
    return claim.citations[0]
