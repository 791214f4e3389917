"""CC201 unsupported-claim: the cited source does not say what the claim says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from citecheck.checks._support import cited_as, iter_unsupported_claims, judgement_finding
from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Finding, Severity, SourceUnit


@register
class UnsupportedClaim(Rule):
    """A cited claim that the cited source does not support.

    The claim is split into the parts a citation must carry ("A；同时 B" is two
    parts) and each part is judged against the best passages of the cited page,
    chunk or document. A claim is supported only if every part is: a citation
    that backs half a sentence does not back the sentence. Claims supported on
    a neighbouring page or chunk are reported by CC204 instead. Only confident
    verdicts (two signals agree: the judge does not find the claim, and a fact
    of it is absent from the cited text) are reported; the grey zone is CC205
    unconfirmed-claim. The rule ships at warning: on the planted development
    corpus its findings are right 3 times in 4 (``benchmarks/bench_planted.py``),
    below the 0.9 an error needs.

    Anti-pattern
    ------------
    The cited page says nothing about a 40% gain::

        DPO improves the win rate by 40% over SFT [Doc: pdf.pdf, page 7].

    Best practice
    -------------
    State only what the cited passage states, or cite the passage that does::

        DPO raises the win rate over SFT on Anthropic-HH [Doc: pdf.pdf, page 7].
    """

    code = "CC201"
    slug = "unsupported-claim"
    category = Category.UNSUPPORTED_CLAIM
    severity = Severity.WARNING
    summary = "A cited claim is not supported by the cited source."
    confident: ClassVar[bool] = True
    verb: ClassVar[str] = "does not support this claim"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """One finding per cited claim judged unsupported at its cited location."""
        for claim, judgement in iter_unsupported_claims(ctx, confident=self.confident):
            if self.confident and judgement.elsewhere is not None:
                continue  # CC204: supported at another location
            verdict = judgement.verdict
            reason = f": {verdict.reason}" if verdict.reason else ""
            yield judgement_finding(
                self,
                ctx,
                claim,
                verdict,
                f"{cited_as(claim)} {self.verb}{reason}",
                fix=_fix(judgement.elsewhere),
            )


def _fix(elsewhere: SourceUnit | None) -> str:
    if elsewhere is not None:
        return f"{elsewhere.source}, {elsewhere.locator} may state it: compare, and cite that"
    return "cite the passage that states this, or narrow the claim to what it says"
